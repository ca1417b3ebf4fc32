"""Fragments and JSON the block shows: student_view, studio_view, learner state, Studio saves.

Nothing here ever reads the solution or a hidden test for a learner: the student fragment and
learner_state() are built only from the prompt, the starter files, the visible tests, the hints
the learner revealed and their own state.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from web_fragments.fragment import Fragment
from webob import Response

from grader.exercise import Limits
from xblocks.common.i18n import format_number, render_template
from xblocks.common.markdown import pygments_css, render_markdown
from xblocks.coding_exercise import definition as authoring
from xblocks.coding_exercise.feedback import learner_verdict, localize
from xblocks.coding_exercise.messages import FIELD_HELP, FIELD_LABELS, UI, VALIDATION

PACKAGE = "xblocks.coding_exercise"
PACKAGE_DIR = Path(__file__).resolve().parent

LANGUAGE_NAMES = {"python": "Python", "javascript": "JavaScript", "sql": "SQL"}


def _num(value) -> str:
    """A number as an author types it in a form (dot decimal: it is parsed back)."""
    value = round(float(value), 2)
    return str(int(value)) if value.is_integer() else str(value)


def script_json(data) -> str:
    """JSON safe inside a <script> element: learner code may contain '</script>'."""
    return (json.dumps(data, ensure_ascii=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def read_static(path: str) -> str:
    return (PACKAGE_DIR / path).read_text(encoding="utf-8")


def dom_id(block) -> str:
    """A prefix for the element ids of this block, unique on a page holding several blocks."""
    return "jitce-" + re.sub(r"[^A-Za-z0-9_-]", "_", str(block.scope_ids.usage_id))


def learner_files(block) -> list[dict]:
    """The files the learner edits: their saved code, else the starter code."""
    starter = block.starter_files or [{"name": f["name"], "content": ""} for f in block.solution_files]
    return [{"name": f["name"], "content": block.code.get(f["name"], f["content"])} for f in starter]


def revealed_hints(block) -> list[str]:
    return [render_markdown(h) for h in block.hints[:block.hints_revealed]]


def learner_state(block, tr) -> dict:
    """Attempts, score and hints as the learner's page shows them (never the author's secrets)."""
    left = block.attempts_left()
    earned = (block.raw_earned or 0.0) * block.weight
    return {
        "attempts": block.attempts,
        "max_attempts": block.max_attempts,
        "attempts_left": left,
        "attempts_text": (tr.gettext(UI["attempts_unlimited"]) if left is None
                          else tr.gettext(UI["attempts_left"]).format(count=left)),
        "score_text": (tr.gettext(UI["not_submitted"]) if block.raw_earned is None
                       else tr.gettext(UI["score"]).format(earned=format_number(earned, tr.language),
                                                           possible=format_number(block.weight, tr.language))),
        "submitted": block.raw_earned is not None,
        "hints_revealed": block.hints_revealed,
        "hints_total": len(block.hints),
    }


def _resource_url(block, path: str) -> str:
    try:
        return block.runtime.local_resource_url(block, path) or ""
    except (AttributeError, NotImplementedError):
        return ""


def _add_static(block, frag: Fragment, css: str, scripts: list[str]) -> None:
    frag.add_css(read_static(css))
    for path in scripts:
        # The 570 kB editor bundle is best fetched once and cached; runtimes that serve no
        # resources (plain test runtimes) get the scripts inline instead.
        resource = _resource_url(block, path)
        if resource:
            frag.add_javascript_url(resource)
        else:
            frag.add_javascript(read_static(path))


def student_fragment(block, tr, show_title=True) -> Fragment:
    """*show_title* False: the page around the block already shows its title (Open edX's context)."""
    ui = tr.strings(UI)
    files = learner_files(block)
    visible_tests = [{"name": t["name"], "content": t["content"]}
                     for t in block.test_files if not t.get("hidden")]
    state = learner_state(block, tr)
    data = {
        "language": block.language,
        "files": [f["name"] for f in files],
        "state": state,
        "last_verdict": localize(block.last_verdict, tr.gettext) or None,
        "hints": revealed_hints(block),
    }
    html = render_template(PACKAGE, "student_view.html", {
        "ui": ui,
        "display_name": block.display_name,
        "show_title": show_title,
        "prompt_html": render_markdown(block.prompt),
        "language_text": ui["language_label"].format(language=LANGUAGE_NAMES.get(block.language, block.language)),
        "files": [{**f, "index": str(i), "label": ui["editor_label"].format(filename=f["name"])}
                  for i, f in enumerate(files)],
        "visible_tests": visible_tests,
        "hints_enabled": bool(block.hints),
        "state": state,
        "data_json": script_json(data),
        "uid": dom_id(block),
    }, tr)
    frag = Fragment(html)
    frag.add_css(pygments_css())
    _add_static(block, frag, "static/css/coding_exercise.css",
                ["static/js/vendor/codemirror.bundle.js", "static/js/coding_exercise.js"])
    frag.initialize_js("CodingExerciseBlock", {"strings": ui})
    return frag


def studio_fragment(block, tr) -> Fragment:
    """The author's form: every field; files and tests edited as code."""
    labels = tr.strings(FIELD_LABELS)
    d = block.definition()
    problems = authoring.check_definition(d)
    html = render_template(PACKAGE, "studio_view.html", {
        "labels": labels,
        "help": tr.strings(FIELD_HELP),
        "d": {"display_name": d.display_name, "language": d.language, "prompt": d.prompt,
              "weight": _num(d.weight), "max_attempts": str(d.max_attempts),
              "skills": " ".join(d.skills)},
        "limits": [{"key": key, "label": labels[key], "value": _num(d.limits[key]) if key in d.limits else "",
                    "default": _num(getattr(Limits(), key))}
                   for key in authoring.LIMIT_FIELDS],
        # An unknown language read from OLX stays selected, so that saving does not hide the error.
        "languages": [{"value": v, "name": n, "selected": v == d.language}
                      for v, n in {**LANGUAGE_NAMES, d.language: d.language}.items()],
        "problems": [{"severity": p.severity, "field": p.field, "text": p.text(tr.gettext)} for p in problems],
        "data_json": script_json({"starter": d.starter, "solution": d.solution, "tests": d.tests,
                                  "hints": d.hints, "language": d.language}),
    }, tr)
    frag = Fragment(html)
    _add_static(block, frag, "static/css/coding_exercise.css",
                ["static/js/vendor/codemirror.bundle.js", "static/js/coding_exercise_studio.js"])
    outcomes = {key: tr.gettext(UI[key]) for key in ("passed", "failed", "error")}
    frag.initialize_js("CodingExerciseStudio", {"strings": {**labels, **outcomes}})
    return frag


def _refusal(problems, gettext) -> Response:
    body = {"error": gettext(VALIDATION["invalid"]),
            "errors": [{"field": p.field, "message": p.text(gettext)} for p in problems]}
    return Response(json_body=body, status=400, charset="utf-8")


def check_solution(block, data, gettext, grade):
    """Grade the form's reference solution against every test, without saving anything.

    The answer is redacted like a learner's (hidden tests as "Hidden test N"): this handler is
    reachable by anyone who can reach the block, and authors see the tests in the form anyway.
    """
    d, problems = authoring.definition_from_form(data if isinstance(data, dict) else {}, block.definition())
    errors = [p for p in problems + authoring.check_definition(d) if p.severity == "error"]
    if errors:
        return _refusal(errors, gettext)
    if not d.solution:
        return _refusal([authoring.Problem("solution", "no_solution", {})], gettext)
    exercise = d.to_exercise()
    files = {f["name"]: f["content"] for f in d.solution}
    verdict = learner_verdict(grade(exercise, files, gettext), exercise, gettext, files)
    labels = FIELD_LABELS
    if verdict["status"] == "ok" and verdict["passed"] == verdict["total"]:
        summary = gettext(labels["solution_passes"]).format(total=verdict["total"])
    else:
        summary = gettext(labels["solution_fails"]).format(
            passed=verdict["passed"], total=verdict["total"], details=verdict["status_message"])
    return {"summary": summary, "verdict": verdict}


def studio_submit(block, data, gettext):
    """Save Studio's form, or refuse it with one message per faulty field."""
    if not isinstance(data, dict):
        data = {}
    d, problems = authoring.definition_from_form(data, block.definition())
    problems += authoring.check_definition(d)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        return _refusal(errors, gettext)
    block.apply_definition(d)
    return {"result": "success",
            "warnings": [{"field": p.field, "message": p.text(gettext)} for p in problems]}
