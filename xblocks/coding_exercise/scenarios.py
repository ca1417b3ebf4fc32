"""Workbench scenarios: real exercises read from scenarios/*.xml (one <coding_exercise> each).

The files are read as they are (not through a template engine) so code containing `{{` or
`{%` stays intact.
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

SCENARIO_DIR = Path(__file__).resolve().parent / "scenarios"


def load_scenarios() -> list[tuple[str, str]]:
    """[(title, xml)] for the workbench, each exercise wrapped in a vertical_demo."""
    found = []
    for path in sorted(SCENARIO_DIR.glob("*.xml")):
        xml = path.read_text(encoding="utf-8")
        root = etree.fromstring(xml.encode("utf-8"))
        title = root.get("display_name") or path.stem.replace("_", " ")
        found.append((title, f"<vertical_demo>\n{xml}\n</vertical_demo>"))
    return found
