"""Read and write the OLX of a bootcamp_module (docs/authors/olx-format.md, ## bootcamp_module).

No XBlock import, so `jobintech validate` can use it. Parsing is lenient: mistakes are collected
in ModuleDefinition.problems (each starting with file:line) and defaults are used instead.
Every child element other than <objectives> is a step, handed back to the runtime to parse.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from grader.olx import authored_attributes, cdata_child, start_element, where
from xblocks.common.i18n import N_  # the block translates; `validate` shows English

TAG = "bootcamp_module"
DEFAULT_THRESHOLD = 0.8


@dataclass
class ModuleDefinition:
    display_name: str = "Module"
    objectives: str = ""
    mastery_threshold: float = DEFAULT_THRESHOLD
    gating: bool = True
    extra_attributes: dict = field(default_factory=dict)
    step_nodes: list = field(default_factory=list)  # lxml elements of the steps, in order
    problems: list[str] = field(default_factory=list)


NO_STEP = N_("The module has no step: add lessons, coding exercises or quizzes.")
BAD_THRESHOLD = N_("Mastery threshold: write a fraction between 0 and 1 (0.8 = 80 %).")


def settings_problems(threshold, step_count: int) -> list[str]:
    problems = []
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 <= threshold <= 1:
        problems.append(BAD_THRESHOLD)
    if step_count == 0:
        problems.append(NO_STEP)
    return problems


def parse_module_element(node) -> ModuleDefinition:
    d = ModuleDefinition()
    attrs = authored_attributes(node)
    d.display_name = attrs.pop("display_name", d.display_name)
    threshold = attrs.pop("mastery_threshold", None)
    if threshold is not None:
        try:
            value = float(threshold.strip().replace(",", "."))
        except ValueError:
            value = None
        if value is None or not 0 <= value <= 1:
            d.problems.append(f"{where(node)}: mastery_threshold={threshold!r} must be a fraction "
                              f"between 0 and 1 (0.8 = 80 %); using {DEFAULT_THRESHOLD}")
        else:
            d.mastery_threshold = value
    gating = attrs.pop("gating", None)
    if gating is not None:
        if gating.strip().lower() in ("true", "false"):
            d.gating = gating.strip().lower() == "true"
        else:
            d.problems.append(f"{where(node)}: gating={gating!r} must be \"true\" or \"false\"; using true")
    d.extra_attributes = attrs
    for child in node:
        if not isinstance(child.tag, str):
            continue  # comments
        if child.tag == "objectives":
            d.objectives = (child.text or "").strip("\n")
        else:
            d.step_nodes.append(child)
    if not d.step_nodes:
        d.problems.append(f"{where(node)}: {NO_STEP}")
    return d


def write_module_element(d: ModuleDefinition, node=None):
    """Set the module's own attributes and <objectives> on *node*; the caller adds the steps."""
    node = start_element(TAG, d.extra_attributes, node)
    node.set("display_name", d.display_name)
    node.set("mastery_threshold", repr(float(d.mastery_threshold)))
    node.set("gating", "true" if d.gating else "false")
    if d.objectives:
        cdata_child(node, "objectives", d.objectives)
    return node
