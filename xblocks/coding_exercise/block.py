"""The coding_exercise XBlock: fields, views and JSON handlers. The work happens elsewhere:
grader.api grades, grader.olx reads/writes OLX, definition.py checks authoring data,
feedback.py redacts verdicts, views.py renders HTML."""
from __future__ import annotations

import logging

from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock
from xblock.exceptions import JsonHandlerError
from xblock.fields import Dict, Float, Integer, List, Scope, String
from xblock.scorable import Score, ScorableXBlockMixin
from xblock.validation import ValidationMessage

from grader import api as grader_api
from grader.exercise import LANGUAGES, ExerciseError
from grader.olx import ExerciseDefinition, parse_element, write_element
from grader.verdict import Verdict
from xblocks.coding_exercise import definition as authoring
from xblocks.coding_exercise import scenarios, views
from xblocks.coding_exercise.feedback import learner_verdict, localize, redacted_verdict
from xblocks.coding_exercise.messages import ERRORS, N_, UI
from xblocks.common.i18n import translator

log = logging.getLogger(__name__)

# Block fields holding the author's definition (everything else on the node is someone else's).
AUTHORING_FIELDS = ("display_name", "language", "prompt", "starter_files", "solution_files",
                    "test_files", "hints", "limits", "weight", "max_attempts", "skills", "olx_attributes")


@XBlock.needs("i18n")
class CodingExerciseBlock(ScorableXBlockMixin, CompletableXBlockMixin, XBlock):
    """A graded programming exercise: the learner edits starter files; Run checks the visible
    tests for free, Submit runs every test in the sandbox and publishes the grade."""

    public_dir = "static"  # local_resource_url() serves the JS/CSS bundle from here
    icon_class = "problem"

    # --- Authoring data (one ExerciseDefinition spread over fields) ---
    display_name = String(display_name=N_("Display name"), scope=Scope.settings,
                          default="Coding exercise")
    weight = Float(display_name=N_("Weight"), scope=Scope.settings, default=1.0)
    max_attempts = Integer(display_name=N_("Maximum attempts"), scope=Scope.settings, default=0)
    language = String(scope=Scope.content, default="python", values=list(LANGUAGES))
    prompt = String(scope=Scope.content, default="", multiline_editor=True)
    starter_files = List(scope=Scope.content, default=[])   # [{"name", "content"}]
    solution_files = List(scope=Scope.content, default=[])  # staff only: never sent to learners
    test_files = List(scope=Scope.content, default=[])      # [{"name", "content", "hidden"}]
    hints = List(scope=Scope.content, default=[])
    limits = Dict(scope=Scope.content, default={})           # grader.exercise.Limits field -> value
    skills = List(scope=Scope.content, default=[])
    olx_attributes = Dict(scope=Scope.settings, default={})  # url_name and unknown attributes

    # --- The learner's state ---
    code = Dict(scope=Scope.user_state, default={})            # autosaved: file name -> code
    submitted_code = Dict(scope=Scope.user_state, default={})  # last graded submission (rescore)
    attempts = Integer(scope=Scope.user_state, default=0)
    raw_earned = Float(scope=Scope.user_state, default=None)   # best score so far, 0..1
    last_verdict = Dict(scope=Scope.user_state, default={})    # redacted, English (see feedback.py)
    hints_revealed = Integer(scope=Scope.user_state, default=0)

    # ------------------------------------------------------------------ authoring data
    def definition(self) -> ExerciseDefinition:
        extra = dict(self.olx_attributes)
        url_name = extra.pop("url_name", "")
        return ExerciseDefinition(
            display_name=self.display_name, language=self.language, prompt=self.prompt,
            starter=[dict(f) for f in self.starter_files], solution=[dict(f) for f in self.solution_files],
            tests=[dict(t) for t in self.test_files], hints=list(self.hints), limits=dict(self.limits),
            weight=self.weight, max_attempts=self.max_attempts, skills=list(self.skills),
            url_name=url_name, extra_attributes=extra,
        )

    def apply_definition(self, d: ExerciseDefinition) -> None:
        self.display_name, self.language, self.prompt = d.display_name, d.language, d.prompt
        self.starter_files, self.solution_files = d.starter, d.solution
        self.test_files = [{**t, "hidden": bool(t.get("hidden"))} for t in d.tests]
        self.hints, self.limits, self.skills = d.hints, d.limits, d.skills
        self.weight, self.max_attempts = d.weight, d.max_attempts
        self.olx_attributes = {**d.extra_attributes, **({"url_name": d.url_name} if d.url_name else {})}

    def exercise(self):
        """What the grader needs; raises ExerciseError when the author's data is unusable."""
        return self.definition().to_exercise()

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        block = runtime.construct_xblock_from_class(cls, keys)
        d = parse_element(node)  # ExerciseError names the file and line
        # Attributes that are fields mixed in by the platform (due, graded...) go to those fields.
        for name in list(d.extra_attributes):
            if name in block.fields and name not in AUTHORING_FIELDS:
                cls._set_field_if_present(block, name, d.extra_attributes.pop(name), {})
        block.apply_definition(d)
        return block

    def add_xml_to_node(self, node):
        write_element(self.definition(), node)
        node.set("xblock-family", self.entry_point)
        for name, field in self.fields.items():
            if name in AUTHORING_FIELDS or field.scope not in (Scope.settings, Scope.content):
                continue
            if field.is_set_on(self):
                node.set(name, field.to_string(field.read_from(self)))

    # ------------------------------------------------------------------ i18n
    def gettext(self):
        return translator(self).gettext

    # ------------------------------------------------------------------ scoring
    def max_score(self):
        # Raw points; Open edX's gradebook multiplies by `weight` (as for any problem).
        return 1.0

    def has_submitted_answer(self):
        return self.attempts > 0

    def get_score(self):
        return Score(raw_earned=self.raw_earned or 0.0, raw_possible=self.max_score())

    def set_score(self, score):
        self.raw_earned = score.raw_earned / score.raw_possible if score.raw_possible else 0.0

    def calculate_score(self):
        """Regrade the last submission with the current tests (used by Open edX's rescore)."""
        verdict = grader_api.grade(self.exercise(), dict(self.submitted_code))
        if verdict.status == "error":
            raise RuntimeError(f"the grader could not run: {verdict.message}")
        return Score(raw_earned=verdict.score, raw_possible=self.max_score())

    def attempts_left(self):
        return None if not self.max_attempts else max(0, self.max_attempts - self.attempts)

    # ------------------------------------------------------------------ views
    def student_view(self, context=None):
        return views.student_fragment(self, translator(self), (context or {}).get("show_title", True))

    def studio_view(self, context=None):
        return views.studio_fragment(self, translator(self))

    def validate(self):
        validation = super().validate()
        gettext = self.gettext()
        for problem in authoring.check_definition(self.definition()):
            kind = ValidationMessage.ERROR if problem.severity == "error" else ValidationMessage.WARNING
            validation.add(ValidationMessage(kind, problem.text(gettext)))
        return validation

    @staticmethod
    def workbench_scenarios():
        return scenarios.load_scenarios()

    # ------------------------------------------------------------------ handlers
    @XBlock.json_handler
    def run(self, data, suffix=""):
        """Visible tests only: free, not graded, no attempt used."""
        gettext = self.gettext()
        exercise = self._usable_exercise(gettext)
        files = self._learner_files(data, exercise, gettext)
        self.code = files
        try:
            visible = exercise.visible_only()
        except ExerciseError:
            raise JsonHandlerError(400, gettext(ERRORS["no_visible_tests"])) from None
        verdict = self._grade(visible, files, gettext)
        return {"verdict": learner_verdict(verdict, visible, gettext, files), **self._state()}

    @XBlock.json_handler
    def submit(self, data, suffix=""):
        """Every test: graded, uses an attempt, publishes the grade and the completion."""
        gettext = self.gettext()
        if self.attempts_left() == 0:
            raise JsonHandlerError(403, gettext(ERRORS["no_attempts"]).format(count=self.max_attempts))
        exercise = self._usable_exercise(gettext)
        files = self._learner_files(data, exercise, gettext)
        self.code = files
        verdict = self._grade(exercise, files, gettext)
        stored = redacted_verdict(verdict, exercise, files)
        shown = localize(stored, gettext)
        if verdict.status == "error":  # our failure, not the learner's: nothing is counted
            return {"verdict": shown, "attempt_counted": False, **self._state()}
        first_submission = self.attempts == 0
        self.attempts += 1
        self.submitted_code = files
        if self.raw_earned is None or verdict.score > self.raw_earned:
            self.set_score(Score(verdict.score, self.max_score()))
        self._publish_grade(self.get_score())
        if first_submission:
            self.emit_completion(1.0)
        self.last_verdict = stored  # redacted, in English: shown in the learner's language later
        return {"verdict": shown, "attempt_counted": True, **self._state()}

    @XBlock.json_handler
    def save_code(self, data, suffix=""):
        gettext = self.gettext()
        files = self._learner_files(data, self._usable_exercise(gettext), gettext, partial=True)
        self.code = {**self.code, **files}
        return {"saved": sorted(files)}

    @XBlock.json_handler
    def reset(self, data, suffix=""):
        self.code = {}
        return {"files": views.learner_files(self), **self._state()}

    @XBlock.json_handler
    def get_hint(self, data, suffix=""):
        gettext = self.gettext()
        revealed_now = self.hints_revealed < len(self.hints)
        if revealed_now:
            self.hints_revealed += 1
        return {"hints": views.revealed_hints(self), "hints_total": len(self.hints),
                "message": "" if revealed_now else gettext(UI["no_more_hints"])}

    @XBlock.json_handler
    def studio_submit(self, data, suffix=""):
        return views.studio_submit(self, data, self.gettext())

    @XBlock.json_handler
    def check_solution(self, data, suffix=""):
        """Studio's "Check the reference solution": grade the form's solution, save nothing."""
        return views.check_solution(self, data, self.gettext(), self._grade)

    # ------------------------------------------------------------------ helpers
    def _state(self) -> dict:
        return views.learner_state(self, translator(self))

    def _usable_exercise(self, gettext):
        try:
            return self.exercise()
        except (ExerciseError, TypeError) as exc:
            raise JsonHandlerError(400, gettext(ERRORS["not_ready"]).format(reason=exc)) from None

    def _learner_files(self, data, exercise, gettext, partial=False) -> dict:
        """The learner's files from a request, checked against the exercise's file names."""
        files = data.get("files") if isinstance(data, dict) else None
        if not isinstance(files, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
            raise JsonHandlerError(400, gettext(ERRORS["bad_files"]))
        expected = exercise.submission_names()
        for name in files:
            if name not in expected:  # never let a learner file replace a test file
                raise JsonHandlerError(400, gettext(ERRORS["unknown_file"]).format(
                    filename=name, expected=", ".join(expected)))
        if not partial:
            for name in expected:
                if name not in files:
                    raise JsonHandlerError(400, gettext(ERRORS["missing_file"]).format(filename=name))
        try:
            grader_api.check_submission(files)
        except ExerciseError as exc:
            raise JsonHandlerError(400, gettext(ERRORS["bad_submission"]).format(reason=exc)) from None
        return dict(files)

    def _grade(self, exercise, files, gettext) -> Verdict:
        try:
            verdict = grader_api.grade(exercise, files)
        except ExerciseError as exc:
            raise JsonHandlerError(400, gettext(ERRORS["bad_submission"]).format(reason=exc)) from None
        except Exception:  # a broken grader must fail closed, not show the learner a 500
            log.exception("grading failed for %s", self.scope_ids.usage_id)
            return Verdict(status="error")
        if verdict.status == "error":
            log.warning("the grader could not grade %s: %s", self.scope_ids.usage_id, verdict.message)
        return verdict

