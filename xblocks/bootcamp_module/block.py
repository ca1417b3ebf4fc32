"""The bootcamp_module XBlock: objectives, then steps (any XBlocks) unlocked by mastery.

progress.py decides locks and the summary from plain facts; children.py reads those facts from
the child blocks; olx.py reads and writes the OLX; views.py builds the page.
"""
from __future__ import annotations

import logging

from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, Scope, String
from xblock.utils.studio_editable import (
    NestedXBlockSpec, StudioContainerWithNestedXBlocksMixin, StudioEditableXBlockMixin,
)
from xblock.validation import ValidationMessage

from xblocks.bootcamp_module import olx, views
from xblocks.bootcamp_module.children import step_facts, user_is_staff
from xblocks.bootcamp_module.progress import gate, summarise
from xblocks.bootcamp_module.scenarios import SCENARIOS
from xblocks.common.i18n import N_, translator

log = logging.getLogger(__name__)


_ = N_  # field labels: marked for extraction only, Studio translates labels itself


@XBlock.needs("i18n")
@XBlock.wants("user", "completion")
class BootcampModuleBlock(StudioContainerWithNestedXBlocksMixin, StudioEditableXBlockMixin, XBlock):
    """A module of the bootcamp (see docs/authors/olx-format.md, ## bootcamp_module).

    In Studio, XBlock's standard mixins edit the settings (StudioEditableXBlockMixin) and list,
    add and reorder the steps (StudioContainerWithNestedXBlocksMixin)."""

    has_children = True
    editable_fields = ("display_name", "objectives", "mastery_threshold", "gating")
    completion_mode = XBlockCompletionMode.AGGREGATOR  # complete when its children are
    icon_class = "other"

    display_name = String(display_name=_("Display name"), default="Module", scope=Scope.settings)
    objectives = String(display_name=_("Objectives (Markdown)"), default="", scope=Scope.content,
                        multiline_editor=True)
    mastery_threshold = Float(display_name=_("Mastery threshold"), default=olx.DEFAULT_THRESHOLD,
                              scope=Scope.settings, values={"min": 0, "max": 1, "step": 0.05},
                              help=_("Fraction (0 to 1) of a scored step's maximum needed to unlock the next steps."))
    gating = Boolean(display_name=_("Mastery gating"), default=True, scope=Scope.settings,
                     help=_("When off, every step is open from the start."))
    xml_attributes = Dict(default={}, scope=Scope.settings, help="Unknown OLX attributes, kept on export.")

    # ------------------------------------------------------------ steps

    def threshold(self) -> float:
        value = self.mastery_threshold
        return value if isinstance(value, (int, float)) and 0 <= value <= 1 else olx.DEFAULT_THRESHOLD

    def steps(self):
        """[(child block, StepFacts)] in order; children that cannot be loaded are skipped (logged)."""
        completion = self.runtime.service(self, "completion")
        loaded = []
        for child_id in self.children:
            try:
                child = self.runtime.get_block(child_id)
            except Exception:  # a child removed or of an uninstalled type: show the rest
                log.exception("bootcamp_module %s: cannot load child %s", self.scope_ids.usage_id, child_id)
                continue
            loaded.append((child, step_facts(child, completion)))
        return loaded

    def step_states(self):
        steps = self.steps()
        states = gate([facts for _, facts in steps], self.threshold(), self.gating, user_is_staff(self))
        return [child for child, _ in steps], states

    def locked_step_reason(self, usage_id) -> str | None:
        """Why the step *usage_id* is locked for the current user (translated), or None when it is
        open or not a step of this module. Runtimes call it to refuse a locked step's page and
        handlers (the LTI bridge does), so the lock holds even against a hand-built URL."""
        _children, states = self.step_states()
        for state in states:
            if state.facts.usage_id == str(usage_id):
                return views.lock_reason(state, self.threshold(), translator(self)) if state.locked else None
        return None

    # ------------------------------------------------------------ views and handlers

    def student_view(self, context=None):
        children, states = self.step_states()
        summary = summarise([s.facts for s in states], self.threshold())
        return views.student_fragment(self, children, states, summary, translator(self), context)

    @XBlock.json_handler
    def progress(self, data, suffix=""):
        """Locks and summary now (the page asks after a step reports a new score)."""
        _children, states = self.step_states()
        summary = summarise([s.facts for s in states], self.threshold())
        return views.progress_json(self, states, summary, translator(self))

    # ------------------------------------------------------------ OLX

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        block = runtime.construct_xblock_from_class(cls, keys)
        d = olx.parse_module_element(node)
        for problem in d.problems:
            log.warning("bootcamp_module: %s", problem)
        block.display_name = d.display_name
        block.objectives = d.objectives
        block.mastery_threshold = d.mastery_threshold
        block.gating = d.gating
        block.xml_attributes = d.extra_attributes
        for child in d.step_nodes:
            runtime.add_node_as_child(block, child)
        return block

    def add_xml_to_node(self, node):
        olx.write_module_element(olx.ModuleDefinition(
            display_name=self.display_name, objectives=self.objectives,
            mastery_threshold=self.mastery_threshold, gating=self.gating,
            extra_attributes=dict(self.xml_attributes)), node)
        self.add_children_to_node(node)

    # ------------------------------------------------------------ Studio

    def author_preview_view(self, context):
        """Studio's preview of the module: the learner's page (authors are staff: nothing locked)."""
        return self.student_view(context)

    @property
    def allowed_nested_blocks(self):
        tr = translator(self)
        return [NestedXBlockSpec(None, category="lesson", label=tr.gettext("Lesson")),
                NestedXBlockSpec(None, category="coding_exercise", label=tr.gettext("Coding exercise")),
                NestedXBlockSpec(None, category="quiz", label=tr.gettext("Quiz"))]

    def _make_field_info(self, field_name, field):
        info = super()._make_field_info(field_name, field)
        # Studio's template would localise numbers ("0,8" in French), which <input type=number>
        # rejects: hand it plain strings instead.
        for key in ("value", "default", "min", "max", "step"):
            if isinstance(info.get(key), (int, float)) and not isinstance(info.get(key), bool):
                info[key] = str(info[key])
        return info

    def ugettext(self, text):
        """Studio's field editor translates labels with this: use the block's own catalogue."""
        return translator(self).gettext(text)

    def validate_field_data(self, validation, data):
        """Errors here refuse a Studio save."""
        for problem in olx.settings_problems(data.mastery_threshold, step_count=1):
            validation.add(ValidationMessage(ValidationMessage.ERROR, translator(self).gettext(problem)))

    def validate(self):
        validation = super().validate()  # includes validate_field_data
        if not self.children:
            validation.add(ValidationMessage(ValidationMessage.WARNING, translator(self).gettext(
                olx.NO_STEP)))
        return validation

    @staticmethod
    def workbench_scenarios():
        return SCENARIOS
