"""A small scored XBlock for the LTI tests, loaded through the bridge's real runtime."""
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Float, Scope, String


class AnswerCheckBlock(XBlock):
    """One question; the answer earns `weight` points when it equals `expected`."""

    has_score = True
    display_name = String(scope=Scope.settings, default="Question")
    expected = String(scope=Scope.content, default="")
    weight = Float(scope=Scope.settings, default=1.0)
    answer = String(scope=Scope.user_state, default="")

    def max_score(self):
        return self.weight

    def student_view(self, context=None):
        return Fragment(f'<form class="answer-check"><label>{self.display_name}'
                        f'<input name="answer" value="{self.answer}"></label></form>')

    @XBlock.json_handler
    def submit(self, data, suffix=""):
        self.answer = str(data.get("answer", ""))
        earned = self.weight if self.answer.strip() == self.expected else 0.0
        self.runtime.publish(self, "grade", {"value": earned, "max_value": self.weight})
        return {"earned": earned}
