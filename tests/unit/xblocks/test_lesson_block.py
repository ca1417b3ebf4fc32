"""The lesson XBlock in the toy runtime: Markdown, static assets, try-it runs, completion, OLX, i18n."""
from __future__ import annotations

import importlib.util
import json
import re

import pytest
from django.utils import translation
from lxml import etree

from tests.unit.xblocks.coding_exercise_support import call, load_block, render
from xblocks.common.markdown import pygments_css
from xblocks.lesson.olx import parse_lesson_element
from xblocks.lesson.scenarios import LESSON_BOUCLES, SCENARIOS
from xblocks.lesson.snippets import MAX_SNIPPET_CHARS

SPEC_LESSON = """<lesson url_name="intro_boucles" display_name="Les boucles" skills="python.loops">
  <body><![CDATA[# Markdown, with ```python fenced code``` and ![img](/static/boucle.png)]]></body>
  <try_it language="python"><![CDATA[for i in range(3):
    print(i)
]]></try_it>
</lesson>"""


class CourseAssets:
    """The replace_urls service as Open edX and the LTI bridge offer it: rewrites quoted /static/ paths."""

    def replace_urls(self, text):
        return re.sub(r'(["\'])/static/([^"\']+)\1', r'\1/assets/courses/jit-python/\2\1', text)


def init_args(html: str) -> dict:
    match = re.search(r'<script type="json/xblock-args" class="xblock_json_init_args">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_markdown_is_rendered_highlighted_and_sanitised():
    block = load_block(LESSON_BOUCLES)
    block.body += "\n\n<script>alert('x')</script>\n\n[lien](javascript:alert(1))"
    html = render(block)
    assert "<strong>boucle</strong>" in html and "<table>" in html and "<blockquote>" in html
    assert '<div class="jit-code"><pre>' in html and '<span class="k">for</span>' in html
    assert "<script>alert" not in html and "javascript:" not in html


def test_static_images_go_through_the_runtimes_replace_urls_service():
    block = load_block(LESSON_BOUCLES)
    block.runtime._services["replace_urls"] = CourseAssets()
    assert 'src="/assets/courses/jit-python/boucle.png"' in render(block)


def test_older_runtimes_replace_urls_method_is_used_without_the_service():
    block = load_block(LESSON_BOUCLES)
    block.runtime.replace_urls = CourseAssets().replace_urls  # what older Open edX runtimes offer
    assert 'src="/assets/courses/jit-python/boucle.png"' in render(block)


def test_static_images_stay_as_written_without_a_service():
    assert 'src="/static/boucle.png"' in render(load_block(LESSON_BOUCLES))


def test_a_broken_replace_urls_service_does_not_hide_the_lesson():
    class Broken:
        def replace_urls(self, text):
            raise RuntimeError("asset store down")

    block = load_block(LESSON_BOUCLES)
    block.runtime._services["replace_urls"] = Broken()
    assert 'src="/static/boucle.png"' in render(block)


def test_try_it_is_an_editable_escaped_snippet():
    block = load_block(LESSON_BOUCLES)
    block.try_it = 'print("<b>salam</b>")'
    html = render(block)
    assert re.search(r'<textarea class="jit-lesson__editor"[^>]*>print\(&quot;&lt;b&gt;salam', html)
    assert init_args(html)["try_it"] == 'print("<b>salam</b>")'
    assert init_args(html)["language"] == "python"


def test_no_try_it_section_without_a_snippet():
    html = render(load_block(SCENARIOS[1][1]))
    assert "jit-lesson__try-it" not in html and "jit-lesson__done" in html


@pytest.mark.parametrize("payload, message", [
    ({}, 'Send the code to run as {"code": "..."}.'),
    ({"code": 42}, 'Send the code to run as {"code": "..."}.'),
    ([1], 'Send the code to run as {"code": "..."}.'),
    ({"code": "   \n"}, "There is no code to run."),
    ({"code": "x" * (MAX_SNIPPET_CHARS + 1)}, "The code is too long to run here (at most 20,000 characters)."),
])
def test_run_rejects_bad_input_with_a_clear_message(payload, message):
    status, body = call(load_block(LESSON_BOUCLES), "run", payload)
    assert (status, body["error"]) == (400, message)


def test_run_errors_are_translated():
    status, body = call(load_block(LESSON_BOUCLES), "run", {"code": ""}, language="fr")
    assert body["error"] == "Il n'y a pas de code à exécuter."


@pytest.mark.sandbox
@pytest.mark.skipif(importlib.util.find_spec("grader.runners.python") is None,
                    reason="the grader's python runner is not installed")
def test_run_executes_the_snippet_in_the_sandbox_and_returns_its_output():
    block = load_block(LESSON_BOUCLES)
    status, body = call(block, "run", {"code": "for i in range(3):\n    print('salam', i)\n"})
    assert status == 200 and body["status"] == "ok", body
    assert body["output"] == "salam 0\nsalam 1\nsalam 2\n"
    assert block.runtime.events_of("grade") == []  # practice is never graded
    status, body = call(block, "run", {"code": "while True:\n    pass\n"})
    assert body["status"] == "timeout" and body["message"] == "Your code took too long and was stopped."


def test_run_when_the_grader_fails_answers_plainly_and_never_500s(caplog):
    block = load_block(LESSON_BOUCLES)
    block.try_it_language = "cobol"  # a stored value the grader refuses: grader.api raises
    status, body = call(block, "run", {"code": "DISPLAY 'SALAM'."})
    assert status == 200
    assert body == {"status": "error", "output": "", "message": "Code cannot be run right now. Try again in a moment."}
    assert "running a cobol snippet failed" in caplog.text  # the details go to the log, not the page


def test_mark_done_publishes_completion_once():
    block = load_block(LESSON_BOUCLES)
    assert init_args(render(block))["completed"] is False
    assert call(block, "mark_done")[1] == {"completed": True}
    assert call(block, "mark_done")[1] == {"completed": True}
    assert block.completed is True
    assert block.runtime.events_of("completion") == [{"completion": 1.0}]
    html = render(block)
    assert init_args(html)["completed"] is True and re.search(r'jit-lesson__done" disabled', html)


def test_spec_example_round_trips():
    block = load_block(SPEC_LESSON)
    assert (block.display_name, block.skills, block.try_it_language) == ("Les boucles", ["python.loops"], "python")
    assert block.try_it == "for i in range(3):\n    print(i)"
    node = etree.Element("lesson")
    block.add_xml_to_node(node)
    text = etree.tostring(node, encoding="unicode")
    assert "<![CDATA[for i in range(3):" in text and "url_name" not in text  # identity stays with the runtime
    again = load_block(text)
    for name in ("display_name", "body", "try_it", "try_it_language", "skills", "xml_attributes"):
        assert getattr(again, name) == getattr(block, name), name


def test_unknown_attributes_survive_a_round_trip():
    block = load_block(SPEC_LESSON.replace("<lesson ", '<lesson data-level="débutant" '))
    node = etree.Element("lesson")
    block.add_xml_to_node(node)
    assert node.get("data-level") == "débutant"


def test_olx_problems_name_the_line():
    d = parse_lesson_element(etree.fromstring(
        '<lesson>\n<body>Texte</body>\n<try_it language="cobol">x</try_it>\n<quiz/>\n</lesson>'))
    assert d.problems == ["line 3: <try_it language='cobol'>: choose one of python, javascript, sql",
                          "line 4: unknown element <quiz> in <lesson>: expected <body> and an optional <try_it>"]
    assert parse_lesson_element(etree.fromstring("<lesson/>")).problems == ["line 1: the lesson has no <body> text"]


@pytest.mark.parametrize("language, run_label, direction", [("fr", "Exécuter", "ltr"), ("ar", "تشغيل", "rtl"),
                                                             ("en", "Run", "ltr")])
def test_rendered_in_the_learners_language(language, run_label, direction):
    html = render(load_block(LESSON_BOUCLES), language=language)
    assert f'<div class="jit-lesson" lang="{language}" dir="{direction}">' in html
    assert f'class="jit-lesson__run">{run_label}</button>' in html
    assert 'dir="ltr"' in html  # code stays left-to-right in an Arabic page


def test_static_css_includes_the_code_highlighting():
    block = load_block(LESSON_BOUCLES)
    frag = block.runtime.render(block, "student_view")
    css = "".join(r.data for r in frag.resources if r.mimetype == "text/css")
    assert pygments_css() in css and "border-inline-start" in css


@pytest.mark.parametrize("title, xml", SCENARIOS)
def test_workbench_scenarios_are_valid_and_render(title, xml):
    assert parse_lesson_element(etree.fromstring(xml.strip())).problems == []
    assert "jit-lesson__body" in render(load_block(xml), language="fr")


# ------------------------------------------------------------------ Studio

def test_studio_editor_shows_translated_fields_and_saves():
    block = load_block(LESSON_BOUCLES)
    with translation.override("fr"):
        html = block.runtime.render(block, "studio_view").content
    assert 'id="xb-field-edit-body"' in html and "Contenu (Markdown)" in html and "Extrait à essayer" in html
    status, body = call(block, "submit_studio_edits", {
        "values": {"display_name": "Boucles", "body": "# Titre", "try_it_language": "sql"}, "defaults": []})
    assert (status, body) == (200, {"result": "success"})
    assert (block.display_name, block.body, block.try_it_language) == ("Boucles", "# Titre", "sql")


def test_studio_refuses_an_unknown_snippet_language():
    block = load_block(LESSON_BOUCLES)
    status, body = call(block, "submit_studio_edits", {"values": {"try_it_language": "cobol"}, "defaults": []})
    assert status == 400 and "Snippet language: choose one of python, javascript, sql." in json.dumps(body)
    assert block.try_it_language == "python"


def test_an_empty_lesson_is_flagged_in_studio_but_can_be_saved():
    block = load_block(LESSON_BOUCLES)
    assert call(block, "submit_studio_edits", {"values": {"body": ""}, "defaults": []})[0] == 200
    with translation.override("en"):
        assert [(m.type, m.text) for m in block.validate().messages] == [("warning", "The lesson has no body text.")]
