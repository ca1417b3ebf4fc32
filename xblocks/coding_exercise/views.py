"""Fragments and JSON the block shows: student_view, studio_view, learner state, Studio saves.

Nothing here ever reads the solution or a hidden test for a learner: the student fragment and
learner_state() are built only from the prompt, the starter files, the visible tests, the hints
the learner revealed and their own state.
"""
from __future__ import annotations

import re

from web_fragments.fragment import Fragment
from webob import Response

from grader.exercise import Limits
from xblocks.common.markdown import pygments_css, render_markdown
from xblocks.coding_exercise import definition as authoring
from xblocks.coding_exercise.i18n import active_language, base_language, is_rtl
from xblocks.coding_exercise.messages import (FIELD_HELP, FIELD_LABELS, UI, VALIDATION,
                                              translate_all)
from xblocks.coding_exercise.rendering import read_static, render_template, script_json

LANGUAGE_NAMES = {"python": "Python", "javascript": "JavaScript", "sql": "SQL"}


def _num(value) -> str:
    value = round(float(value), 2)
    return str(int(value)) if value.is_integer() else str(value)


def dom_id(block) -> str:
    """A prefix for the element ids of this block, unique on a page holding several blocks."""
    return "jitce-" + re.sub(r"[^A-Za-z0-9_-]", "_", str(block.scope_ids.usage_id))


def learner_files(block) -> list[dict]:
    """The files the learner edits: their saved code, else the starter code."""
    starter = block.starter_files or [{"name": f["name"], "content": ""} for f in block.solution_files]
    return [{"name": f["name"], "content": block.code.get(f["name"], f["content"])} for f in starter]


def revealed_hints(block) -> list[str]:
    return [render_markdown(h) for h in block.hints[:block.hints_revealed]]


def learner_state(block, gettext) -> dict:
    """Attempts, score and hints as the learner's page shows them (never the author's secrets)."""
    left = block.attempts_left()
    earned = (block.raw_earned or 0.0) * block.weight
    return {
        "attempts": block.attempts,
        "max_attempts": block.max_attempts,
        "attempts_left": left,
        "attempts_text": (gettext(UI["attempts_unlimited"]) if left is None
                          else gettext(UI["attempts_left"]).format(count=left)),
        "score_text": (gettext(UI["not_submitted"]) if block.raw_earned is None
                       else gettext(UI["score"]).format(earned=_num(earned), possible=_num(block.weight))),
        "submitted": block.raw_earned is not None,
        "hints_revealed": block.hints_revealed,
        "hints_total": len(block.hints),
    }


def _add_static(block, frag: Fragment, css: str, scripts: list[str]) -> None:
    url = getattr(block.runtime, "local_resource_url", None)
    frag.add_css(read_static(css))
    for path in scripts:
        resource = url(block, path) if url else ""
        # Runtimes without a resource URL (plain test runtimes) get the script inline.
        if resource:
            frag.add_javascript_url(resource)
        else:
            frag.add_javascript(read_static(path))


def student_fragment(block, gettext) -> Fragment:
    language = active_language()
    ui = translate_all(UI, gettext)
    files = learner_files(block)
    visible_tests = [{"name": t["name"], "content": t["content"]}
                     for t in block.test_files if not t.get("hidden")]
    state = learner_state(block, gettext)
    data = {
        "language": block.language,
        "files": [f["name"] for f in files],
        "state": state,
        "last_verdict": block.last_verdict or None,
        "hints": revealed_hints(block),
    }
    html = render_template("student_view.html", {
        "ui": ui,
        "display_name": block.display_name,
        "prompt_html": render_markdown(block.prompt),
        "language_text": ui["language_label"].format(language=LANGUAGE_NAMES.get(block.language, block.language)),
        "files": [{**f, "index": str(i), "label": ui["editor_label"].format(filename=f["name"])}
                  for i, f in enumerate(files)],
        "visible_tests": visible_tests,
        "hints_enabled": bool(block.hints),
        "state": state,
        "lang": base_language(language),
        "dir": "rtl" if is_rtl(language) else "ltr",
        "data_json": script_json(data),
        "uid": dom_id(block),
    })
    frag = Fragment(html)
    frag.add_css(pygments_css())
    _add_static(block, frag, "static/css/coding_exercise.css",
                ["static/js/vendor/codemirror.bundle.js", "static/js/coding_exercise.js"])
    frag.initialize_js("CodingExerciseBlock", {"strings": ui})
    return frag


def studio_fragment(block, gettext) -> Fragment:
    """The author's form: every field; files and tests edited as code."""
    language = active_language()
    labels = translate_all(FIELD_LABELS, gettext)
    d = block.definition()
    problems = authoring.check_definition(d)
    html = render_template("studio_view.html", {
        "labels": labels,
        "help": translate_all(FIELD_HELP, gettext),
        "d": {"display_name": d.display_name, "language": d.language, "prompt": d.prompt,
              "weight": _num(d.weight), "max_attempts": str(d.max_attempts),
              "skills": " ".join(d.skills)},
        "limits": [{"key": key, "label": labels[key], "value": _num(d.limits[key]) if key in d.limits else "",
                    "default": _num(getattr(Limits(), key))}
                   for key in authoring.LIMIT_FIELDS],
        "languages": [{"value": v, "name": n, "selected": v == d.language} for v, n in LANGUAGE_NAMES.items()],
        "problems": [{"severity": p.severity, "field": p.field, "text": p.text(gettext)} for p in problems],
        "lang": base_language(language),
        "dir": "rtl" if is_rtl(language) else "ltr",
        "data_json": script_json({"starter": d.starter, "solution": d.solution, "tests": d.tests,
                                  "hints": d.hints, "language": d.language}),
    })
    frag = Fragment(html)
    _add_static(block, frag, "static/css/coding_exercise.css",
                ["static/js/vendor/codemirror.bundle.js", "static/js/coding_exercise_studio.js"])
    frag.initialize_js("CodingExerciseStudio", {"strings": labels})
    return frag


def studio_submit(block, data, gettext):
    """Save Studio's form, or refuse it with one message per faulty field."""
    if not isinstance(data, dict):
        data = {}
    d, problems = authoring.definition_from_form(data, block.definition())
    problems += authoring.check_definition(d)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        body = {"error": gettext(VALIDATION["invalid"]),
                "errors": [{"field": p.field, "message": p.text(gettext)} for p in errors]}
        return Response(json_body=body, status=400, charset="utf-8")
    block.apply_definition(d)
    return {"result": "success",
            "warnings": [{"field": p.field, "message": p.text(gettext)} for p in problems]}
