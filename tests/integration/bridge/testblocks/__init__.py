"""A small scored XBlock for the bridge tests, written like the suite's blocks are.

It is a real block (fields, a JSON handler, a grade event, a Fragment with CSS and JavaScript,
a public resource), not a stand-in for the runtime: the tests load it through the bridge's
runtime exactly as they would load a coding_exercise.
"""
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Float, Integer, Scope, String

JS = """
function EchoExerciseBlock(runtime, element, args) {
  var form = element.querySelector("form");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(runtime.handlerUrl(element, "submit"), {method: "POST", body: JSON.stringify({answer: form.answer.value})})
      .then(function (r) { return r.json(); })
      .then(function (data) { element.querySelector(".echo-result").textContent = data.message; });
  });
  return {expected: args.hint};
}
"""


@XBlock.needs("i18n")
@XBlock.wants("user")
class EchoExerciseBlock(XBlock):
    """Asks one question; the answer is right when it equals `expected`."""

    has_score = True
    resources_dir = ""
    public_dir = "public"

    display_name = String(scope=Scope.settings, default="Echo")
    expected = String(scope=Scope.content, default="")
    weight = Float(scope=Scope.settings, default=1.0)
    answer = String(scope=Scope.user_state, default="")
    attempts = Integer(scope=Scope.user_state, default=0)

    def max_score(self):
        return self.weight

    def student_view(self, context=None):
        frag = Fragment(
            '<form class="echo"><label>{q}<input name="answer" value="{a}"></label>'
            '<button>OK</button><p class="echo-result"></p>'
            '<img src="{icon}" alt=""></form>'.format(
                q=self.display_name, a=self.answer,
                icon=self.runtime.local_resource_url(self, "public/ok.txt"),
            )
        )
        frag.add_css(".echo { border: 1px solid #ccc; }")
        frag.add_javascript(JS)
        frag.initialize_js("EchoExerciseBlock", {"hint": len(self.expected)})
        return frag

    @XBlock.json_handler
    def submit(self, data, suffix=""):
        self.answer = str(data.get("answer", ""))
        self.attempts += 1
        correct = self.answer.strip() == self.expected
        earned = self.weight if correct else 0.0
        self.runtime.publish(self, "grade", {"value": earned, "max_value": self.weight})
        self.runtime.publish(self, "completion", {"completion": 1.0})
        i18n = self.runtime.service(self, "i18n")
        return {
            "correct": correct,
            "attempts": self.attempts,
            # A string of the bridge's own catalogue, to see the language reach the handler.
            "message": i18n.gettext("Catalog"),
            "anonymous_id": self.runtime.service(self, "user").get_current_user().opt_attrs.get(
                "edx-platform.anonymous_user_id"),
        }

    @XBlock.handler
    def explode(self, request, suffix=""):
        raise RuntimeError("this block has a bug")
