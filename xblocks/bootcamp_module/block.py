"""The bootcamp_module XBlock: objectives, then steps (any XBlocks) unlocked by mastery.

progress.py decides locks and the summary from plain facts; children.py reads those facts from
the child blocks; olx.py reads and writes the OLX; views.py builds the page.
"""
from __future__ import annotations

import logging

from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, Scope, String
from xblock.validation import ValidationMessage

from xblocks.bootcamp_module import olx, views
from xblocks.bootcamp_module.children import step_facts, user_is_staff
from xblocks.bootcamp_module.progress import gate, summarise
from xblocks.bootcamp_module.scenarios import SCENARIOS
from xblocks.common.i18n import translator

log = logging.getLogger(__name__)


def _(message: str) -> str:
    """Mark a field label for extraction; Studio translates labels itself."""
    return message


@XBlock.needs("i18n")
@XBlock.wants("user", "completion")
class BootcampModuleBlock(XBlock):
    """A module of the bootcamp (see docs/authors/olx-format.md, ## bootcamp_module)."""

    has_children = True
    completion_mode = XBlockCompletionMode.AGGREGATOR  # complete when its children are
    icon_class = "other"

    display_name = String(display_name=_("Display name"), default="Module", scope=Scope.settings)
    objectives = String(display_name=_("Objectives (Markdown)"), default="", scope=Scope.content,
                        multiline_editor=True)
    mastery_threshold = Float(display_name=_("Mastery threshold"), default=olx.DEFAULT_THRESHOLD,
                              scope=Scope.settings,
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

    def validate(self):
        validation = super().validate()
        for problem in olx.settings_problems(self.mastery_threshold, len(self.children)):
            validation.add(ValidationMessage(ValidationMessage.WARNING, problem))
        return validation

    @staticmethod
    def workbench_scenarios():
        return SCENARIOS
