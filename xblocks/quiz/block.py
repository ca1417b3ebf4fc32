"""The quiz XBlock: single/multiple choice, text and number questions, scored with partial credit.

The question model and grading live in questions.py (shared with `jobintech validate`); what the
learner may see is decided in learner_state.py. This module holds fields, views and handlers.
"""
from __future__ import annotations

import re

from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.exceptions import JsonHandlerError
from xblock.fields import Dict, Float, Integer, List, Scope, String
from xblock.scorable import ScorableXBlockMixin, Score
from xblock.validation import ValidationMessage

from xblocks.common.i18n import (COMMON_PACKAGE, N_, format_number, load_static, render_template,
                                 translator)
from xblocks.common.markdown import pygments_css, render_markdown
from xblocks.quiz import learner_state as ls
from xblocks.quiz import studio
from xblocks.quiz.questions import (
    DEFAULT_SHOW_ANSWER, SHOW_ANSWER_RULES, QuizDefinition, grade_quiz, parse_quiz_element,
)
from xblocks.quiz.scenarios import SCENARIOS
from xblocks.quiz.serialize import question_from_dict, question_to_dict, write_quiz_element

PACKAGE = "xblocks.quiz"


_ = N_  # field labels: marked for extraction only, Studio translates labels itself


# Strings the front-end shows, translated per request and passed to the JS.
JS_STRINGS = {
    "submit": _("Submit"),
    "submitting": _("Checking…"),
    "correct": _("Correct"),
    "partial": _("Partly correct: {earned} / {points}"),
    "incorrect": _("Incorrect"),
    "unanswered": _("Not answered"),
    "solution": _("Answer:"),
    "network_error": _("The server could not be reached. Check your connection and try again."),
    "no_attempts": _("You have used all your attempts for this quiz."),
    "solved": _("You answered every question correctly."),
}


@XBlock.needs("i18n")
class QuizBlock(ScorableXBlockMixin, XBlock):
    """A quiz (see docs/authors/olx-format.md, ## quiz)."""

    icon_class = "problem"  # Open edX's outline shows it as a graded problem
    display_name = String(display_name=_("Display name"), default="Quiz", scope=Scope.settings)
    weight = Float(display_name=_("Weight"), default=1.0, scope=Scope.settings,
                   help=_("The quiz's weight in the gradebook."))
    max_attempts = Integer(display_name=_("Maximum attempts"), default=0, scope=Scope.settings,
                           help=_("0 means unlimited."))
    show_answer = String(display_name=_("Show answers"), default=DEFAULT_SHOW_ANSWER, scope=Scope.settings,
                         values=list(SHOW_ANSWER_RULES))
    skills = List(display_name=_("Skills"), default=[], scope=Scope.settings)
    questions = List(default=[], scope=Scope.content, help="Questions as plain data (serialize.py).")
    xml_attributes = Dict(default={}, scope=Scope.settings, help="Unknown OLX attributes, kept on export.")

    attempts = Integer(default=0, scope=Scope.user_state)
    answers = Dict(default={}, scope=Scope.user_state, help="The last submitted answers.")
    results = Dict(default={}, scope=Scope.user_state, help="Per-question results of the last attempt.")
    last_earned = Float(default=None, scope=Scope.user_state)
    raw_earned = Float(default=None, scope=Scope.user_state, help="The best score: the one in the gradebook.")
    best_answers = Dict(default={}, scope=Scope.user_state, help="The answers that earned raw_earned.")

    # ------------------------------------------------------------ model

    def definition(self) -> QuizDefinition:
        return QuizDefinition(
            display_name=self.display_name, weight=self.weight, max_attempts=max(0, self.max_attempts),
            show_answer=self.show_answer, skills=list(self.skills),
            questions=[question_from_dict(q) for q in self.questions],
            extra_attributes=dict(self.xml_attributes),
        )

    def _state(self, tr) -> dict:
        d = self.definition()
        state = ls.learner_state(d, attempts=self.attempts, answers=self.answers, results=self.results,
                                 earned=self.last_earned, tr=tr)
        if self.raw_earned is not None and self.last_earned is not None and self.raw_earned > self.last_earned:
            state["status"] += " · " + tr.gettext("Best score kept: {best}").format(
                best=format_number(self.raw_earned, tr.language))
        return state

    # ------------------------------------------------------------ scoring (ScorableXBlockMixin)

    def max_score(self) -> float:
        return self.definition().max_score

    def has_submitted_answer(self) -> bool:
        return self.attempts > 0

    def get_score(self) -> Score:
        return Score(raw_earned=self.raw_earned or 0.0, raw_possible=self.max_score())

    def set_score(self, score: Score) -> None:
        self.raw_earned = score.raw_earned

    def calculate_score(self) -> Score:
        results = grade_quiz(self.definition(), self.best_answers)
        return Score(raw_earned=sum(r.earned for r in results.values()), raw_possible=self.max_score())

    # ------------------------------------------------------------ views

    def student_view(self, context=None):
        tr = translator(self)
        d = self.definition()
        state = self._state(tr)
        html = render_template(PACKAGE, "quiz.html", {
            "title": self.display_name,
            "show_title": (context or {}).get("show_title", True),
            "questions": [self._question_view(q, tr) for q in d.questions],
            "strings": {"submit": tr.gettext("Submit"), "your_answer": tr.gettext("Your answer"),
                        "empty": tr.gettext("This quiz has no question yet.")},
            "can_submit": state["can_submit"],
        }, tr)
        frag = Fragment(html)
        frag.add_css(load_static(PACKAGE, "css/quiz.css"))
        frag.add_css(pygments_css())  # after the block's CSS, where it used to be pasted
        frag.add_javascript(load_static(COMMON_PACKAGE, "js/post_json.js"))  # JitPostJson, used by quiz.js
        frag.add_javascript(load_static(PACKAGE, "js/quiz.js"))
        frag.initialize_js("JitQuizBlock", {"state": state, "strings": tr.strings(JS_STRINGS)})
        return frag

    def _question_view(self, q, tr) -> dict:
        """Only what the learner may see before answering: no `correct`, no feedback."""
        last = ls.prefill_value(q, self.answers.get(q.id))
        picked = last if isinstance(last, list) else [last]
        points = tr.ngettext("{count} point", "{count} points", 2 if q.points > 1 else 1).format(
            count=format_number(q.points, tr.language))
        return {
            "id": q.id, "type": q.type, "input_name": f"jit-quiz-{self.scope_ids.usage_id}-{q.id}",
            "html": render_markdown(q.text), "points_text": points,
            "options": [{"index": i, "html": _inline(o.text), "checked": i in picked}
                        for i, o in enumerate(q.options)],
            "value": last if isinstance(last, str) else "",
        }

    def studio_view(self, context=None):
        return studio.studio_fragment(self, translator(self))

    # ------------------------------------------------------------ handlers

    @XBlock.json_handler
    def studio_submit(self, data, suffix=""):
        """Save {"olx": "<quiz>...</quiz>"} if it has no problem; else 400 with one problem per line."""
        tr = translator(self)
        d, problems = studio.read_olx(data.get("olx") if isinstance(data, dict) else None)
        if problems:
            raise JsonHandlerError(400, "\n".join(tr.gettext(p) for p in problems))
        self.apply_definition(d)
        return {"saved": True, "questions": len(d.questions)}

    @XBlock.json_handler
    def submit(self, data, suffix=""):
        """Grade {"answers": {question_id: answer}}; answers are checked for shape first."""
        tr = translator(self)
        d = self.definition()
        state = self._state(tr)
        if not state["can_submit"]:
            solved = ls.all_correct(d, self.results)
            raise JsonHandlerError(403, tr.gettext(JS_STRINGS["solved"] if solved else JS_STRINGS["no_attempts"]))
        try:
            answers = ls.clean_answers(d, data.get("answers") if isinstance(data, dict) else None)
        except ls.AnswerError as err:
            if err.question_id is None:
                message = tr.gettext('Send {"answers": {question id: answer}}.')
            else:
                message = tr.gettext("The answer to question {id} has the wrong form.").format(id=err.question_id)
            raise JsonHandlerError(400, message) from None
        if not answers:
            raise JsonHandlerError(400, tr.gettext("Answer at least one question before submitting."))
        results = grade_quiz(d, answers)
        earned = sum(r.earned for r in results.values())
        self.attempts += 1
        self.answers = answers
        self.results = {qid: ls.result_to_dict(r) for qid, r in results.items()}
        self.last_earned = earned
        if self.raw_earned is None or earned > self.raw_earned:
            self.raw_earned = earned
            self.best_answers = answers
        self._publish_grade(self.get_score())
        return self._state(tr)

    # ------------------------------------------------------------ OLX

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        block = runtime.construct_xblock_from_class(cls, keys)
        node.tag = "quiz"  # runtimes may hand us the node under another tag name
        block.apply_definition(parse_quiz_element(node))
        return block

    def apply_definition(self, d: QuizDefinition) -> None:
        d.extra_attributes.pop("url_name", None)  # identity belongs to the runtime
        self.display_name = d.display_name
        self.weight = d.weight
        self.max_attempts = d.max_attempts
        self.show_answer = d.show_answer
        self.skills = d.skills
        self.questions = [question_to_dict(q) for q in d.questions]
        self.xml_attributes = d.extra_attributes

    def add_xml_to_node(self, node):
        write_quiz_element(self.definition(), node)

    def validate(self):
        """Authoring problems, shown by Studio above the block."""
        validation = super().validate()
        for problem in self.definition().problems():
            validation.add(ValidationMessage(ValidationMessage.WARNING, problem))
        return validation

    @staticmethod
    def workbench_scenarios():
        return SCENARIOS


def _inline(text: str) -> str:
    """Markdown for a one-line option label: no wrapping paragraph."""
    html = render_markdown(text)
    match = re.fullmatch(r"\s*<p>(.*)</p>\s*", html, flags=re.S)
    return match.group(1) if match and "<p>" not in match.group(1) else html
