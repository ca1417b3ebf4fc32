"""Read and write the OLX of a lesson (docs/authors/olx-format.md, ## lesson). No XBlock import,
so `jobintech validate` can check lessons with it too.

Parsing is lenient: authoring mistakes are collected in LessonDefinition.problems (each message
starts with file:line), so a typo neither breaks a course import nor hides the next mistake.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from grader.exercise import LANGUAGES
from grader.olx import authored_attributes, cdata_child, start_element, where

TAG = "lesson"


@dataclass
class LessonDefinition:
    display_name: str = "Lesson"
    body: str = ""
    try_it: str = ""
    try_it_language: str = "python"
    skills: list[str] = field(default_factory=list)
    extra_attributes: dict = field(default_factory=dict)  # unknown attributes, kept on round-trip
    problems: list[str] = field(default_factory=list)


def parse_lesson_element(node) -> LessonDefinition:
    d = LessonDefinition()
    attrs = authored_attributes(node)
    d.display_name = attrs.pop("display_name", d.display_name)
    d.skills = attrs.pop("skills", "").split()
    d.extra_attributes = attrs
    for child in node:
        if not isinstance(child.tag, str):
            continue  # comments
        if child.tag == "body":
            d.body = (child.text or "").strip("\n")
        elif child.tag == "try_it":
            d.try_it = (child.text or "").strip("\n")
            language = child.get("language", "python")
            if language in LANGUAGES:
                d.try_it_language = language
            else:
                d.problems.append(f"{where(child)}: <try_it language={language!r}>: choose one of "
                                  + ", ".join(LANGUAGES))
        else:
            d.problems.append(f"{where(child)}: unknown element <{child.tag}> in <lesson>: "
                              "expected <body> and an optional <try_it>")
    if not d.body.strip():
        d.problems.append(f"{where(node)}: the lesson has no <body> text")
    return d


def write_lesson_element(d: LessonDefinition, node=None):
    """Fill *node* (or a new <lesson>) with *d*: the inverse of parse_lesson_element."""
    node = start_element(TAG, d.extra_attributes, node)
    node.set("display_name", d.display_name)
    if d.skills:
        node.set("skills", " ".join(d.skills))
    cdata_child(node, "body", d.body)
    if d.try_it:
        cdata_child(node, "try_it", d.try_it, language=d.try_it_language)
    return node
