"""Check quizzes, lessons and bootcamp modules with each block's own OLX parser, so that validate
and the blocks agree on what is valid (a quiz question with no correct answer, a lesson without
a body, a mastery threshold that is not a fraction...), and the /static/ files blocks link to."""
from __future__ import annotations

import os
import re
from urllib.parse import unquote

from xblocks.tools.findings import Report
from xblocks.tools.structure import Block, Course

# The blocks' parsers start each message with where it is: "FILE:LINE: ..." or "line N: ...".
_PREFIX = re.compile(r"^(?:(?P<file>\S.*?):(?P<line>\d+)|line (?P<bare>\d+)): ")
# /static/ links in Markdown or HTML: ![schéma](/static/boucle.svg), <img src="/static/a.png">.
_STATIC_LINK = re.compile(r"/static/([A-Za-z0-9_.%~+\-/]+)")


def _quiz_problems(element) -> list[str]:
    from xblocks.quiz.questions import QuizError, parse_quiz_element

    try:
        return parse_quiz_element(element).problems()
    except QuizError as exc:
        return [str(exc)]


def _lesson_problems(element) -> list[str]:
    from xblocks.lesson.olx import parse_lesson_element

    return parse_lesson_element(element).problems


def _module_problems(element) -> list[str]:
    from xblocks.bootcamp_module.olx import parse_module_element

    return parse_module_element(element).problems


CHECKS = {"quiz": _quiz_problems, "lesson": _lesson_problems, "bootcamp_module": _module_problems}


def check_blocks(course: Course, report: Report) -> None:
    for tag, problems_of in CHECKS.items():
        for block in course.of_tag(tag):
            for problem in problems_of(block.element):
                _report(block, problem, report)
    check_static_links(course, report)


def check_static_links(course: Course, report: Report) -> None:
    """Every /static/ file our blocks link to exists (olxcleaner only looks inside html/problem)."""
    for block in course.blocks:
        if block.tag == "bootcamp_module":
            elements = list(block.element.iterfind("objectives"))  # its steps are blocks of their own
        elif block.tag in ("lesson", "coding_exercise", "quiz"):
            elements = [block.element]
        else:
            continue
        for element in elements:
            for node in element.iter():
                texts = [node.text or ""] + list(node.attrib.values())
                for text in texts:
                    for match in _STATIC_LINK.finditer(text):
                        path = unquote(match.group(1)).rstrip(".")
                        if not os.path.isfile(os.path.join(course.directory, "static", path)):
                            report.warning(block.tag, f"links to /static/{path}, which is not in static/: "
                                           "add the file or fix the link", file=block.file,
                                           line=node.sourceline + text[:match.start()].count("\n"),
                                           url_name=block.url_name)


def _report(block: Block, problem: str, report: Report) -> None:
    line = block.line
    match = _PREFIX.match(problem)
    if match:
        line = int(match.group("line") or match.group("bare"))
        problem = problem[match.end():]
    elif problem.startswith(f"{block.url_name}: "):
        problem = problem[len(block.url_name) + 2:]
    report.error(block.tag, problem, file=block.file, line=line, url_name=block.url_name)
