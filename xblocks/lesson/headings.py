"""Heading levels of a lesson's Markdown, fitted under the lesson's own title.

Authors start their sections with `#` or `##` as they please; in the page the lesson title is an
<h3> (inside a unit or module), so the body's headings must start below it: otherwise a section
looks as big as the lesson title, or bigger. The author's structure is kept (relative levels).
"""
from __future__ import annotations

import re

_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)


def demote_headings(html: str, top: int) -> str:
    """Shift the headings of *html* so the highest becomes <h{top}>; levels never pass h6."""
    levels = [int(level) for _slash, level in _HEADING_TAG.findall(html)]
    if not levels:
        return html
    shift = top - min(levels)
    if shift <= 0:
        return html
    return _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}", html)
