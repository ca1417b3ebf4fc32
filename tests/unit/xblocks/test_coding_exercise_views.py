"""What the coding_exercise block shows: learners never get the solution or hidden tests;
authors get every field and clear validation."""
import html
import json
import re
from pathlib import Path

import pytest
from django.utils import translation
from xblock.validation import ValidationMessage

from coding_exercise_support import call, load_block, render, scenario_xml

SOLUTION_LINE = "for n in nombres:"  # only in the solution (a hint quotes `total += n`)
HIDDEN_TEST_LINE = "somme(list(range(1001)))"


@pytest.fixture
def block():
    return load_block(scenario_xml("py_somme"))


def test_student_view_shows_prompt_starter_and_visible_tests(block):
    html = render(block)
    assert "Somme d&#x27;une liste" in html
    assert "<strong>sans</strong>" in html  # Markdown rendered
    assert "Renvoie la somme des éléments" in html  # starter code in the editor's textarea
    assert "test_exemple" in html  # visible test, read-only tab
    assert 'role="tablist"' in html and 'aria-live="polite"' in html
    assert re.search(r'<label class="jit-ce-sr" for="[^"]+-code-0">Code editor for somme.py</label>', html)


def test_student_view_never_contains_the_solution_or_hidden_tests(block):
    for language in ("en", "fr", "ar"):
        html = render(block, language=language)
        assert SOLUTION_LINE not in html
        assert HIDDEN_TEST_LINE not in html
        assert "test_somme_cache" not in html
        assert "test_negatifs" not in html


def test_handlers_never_return_the_solution_or_hidden_tests(block):
    responses = [call(block, "reset"), call(block, "get_hint"), call(block, "get_hint"),
                 call(block, "save_code", {"files": {"somme.py": "x = 1\n"}})]
    for _status, body in responses:
        text = json.dumps(body, ensure_ascii=False)
        assert SOLUTION_LINE not in text and HIDDEN_TEST_LINE not in text


def test_prompt_html_is_sanitised():
    xml = scenario_xml("py_somme").replace(
        "<prompt><![CDATA[", "<prompt><![CDATA[<script>alert(1)</script><img src=x onerror=alert(2)>")
    html = render(load_block(xml))
    assert "<script>alert(1)" not in html and "onerror" not in html


def test_learner_code_cannot_break_out_of_the_page(block):
    call(block, "save_code", {"files": {"somme.py": "</textarea></script><script>alert(1)</script>"}})
    html = render(block)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;/textarea&gt;&lt;/script&gt;&lt;script&gt;alert(1)" in html


def test_a_stored_verdict_cannot_break_out_of_its_script_element(block):
    block.last_verdict = {"status": "ok", "passed": 0, "total": 0, "score": 0.0, "message": "",
                          "output": "</script><script>alert(1)</script>", "tests": []}
    html = render(block)
    assert "<script>alert(1)" not in html
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)" in html


def test_saved_code_is_restored_on_reload(block):
    status, _ = call(block, "save_code", {"files": {"somme.py": "def somme(n):\n    return 42\n"}})
    assert status == 200
    again = block.runtime.get_block(block.scope_ids.usage_id)
    assert "return 42" in render(again)


def test_french_and_arabic_pages(block):
    fr = render(block, language="fr")
    assert ">Exécuter<" in fr and ">Soumettre<" in fr and 'lang="fr" dir="ltr"' in fr
    ar = render(block, language="ar")
    assert 'lang="ar" dir="rtl"' in ar and ">تشغيل<" in ar
    # code stays left-to-right inside an Arabic page
    assert re.search(r'<textarea class="jit-ce-code"[^>]*dir="ltr"', ar)


def test_js_strings_are_translated_in_the_init_args(block):
    with translation.override("fr"):
        frag = block.student_view()
    assert frag.js_init_fn == "CodingExerciseBlock"
    assert frag.json_init_args["strings"]["passed"] == "Réussi"


def test_studio_view_edits_every_field_including_the_solution(block):
    html = render(block, "studio_view")
    for name in ("display_name", "language", "weight", "max_attempts", "cpu_seconds", "wall_seconds",
                 "memory_mb", "skills", "prompt"):
        assert f'name="{name}"' in html
    assert SOLUTION_LINE in html and HIDDEN_TEST_LINE in html  # authors edit them, as code


def test_validate_accepts_the_scenarios():
    for name in ("py_somme", "py_bibliotheque"):
        assert not load_block(scenario_xml(name)).validate().messages


def test_validate_reports_each_problem():
    xml = """<coding_exercise display_name="Cassé" language="cobol" cpu_time_limit="5" wall_time_limit="1">
      <starter><file name="a.py"><![CDATA[x = 1]]></file></starter>
      <solution><file name="b.py"><![CDATA[x = 2]]></file></solution>
    </coding_exercise>"""
    block = load_block(xml)
    with translation.override("en"):
        messages = block.validate().messages
    errors = [m.text for m in messages if m.type == ValidationMessage.ERROR]
    assert any("Unknown language cobol" in e for e in errors)
    assert any("Add at least one test file" in e for e in errors)
    assert any("(b.py) must have the same names as the starter files (a.py)" in e for e in errors)
    assert any("wall-clock limit must be at least the CPU time limit" in e for e in errors)
    warnings = [m.text for m in messages if m.type == ValidationMessage.WARNING]
    assert any("prompt is empty" in w for w in warnings)


def test_student_view_of_a_broken_exercise_still_renders():
    block = load_block('<coding_exercise display_name="Vide" language="python"/>')
    assert "Vide" in render(block)
    status, body = call(block, "run", {"files": {}})
    assert status == 400 and "not ready" in body["error"]


def studio_payload(**changes):
    payload = {
        "display_name": "Somme", "language": "python", "weight": "2,5", "max_attempts": "4",
        "limits": {"cpu_seconds": "3", "wall_seconds": "6", "memory_mb": ""},
        "skills": "python.loops", "prompt": "Écrivez `somme`.",
        "hints": ["Indice 1"],
        "starter": [{"name": "somme.py", "content": "def somme(l):\n    pass\n"}],
        "solution": [{"name": "somme.py", "content": "def somme(l):\n    return sum(l)\n"}],
        "tests": [{"name": "test_somme.py", "content": "from somme import somme\n\ndef test_a():\n"
                   "    assert somme([1]) == 1\n", "hidden": False}],
    }
    payload.update(changes)
    return payload


def test_studio_submit_saves_a_valid_form(block):
    status, body = call(block, "studio_submit", studio_payload())
    assert status == 200 and body["result"] == "success"
    assert block.weight == 2.5 and block.max_attempts == 4
    assert block.limits == {"cpu_seconds": 3.0, "wall_seconds": 6.0}  # blank memory: default
    assert block.hints == ["Indice 1"] and block.skills == ["python.loops"]
    assert block.solution_files[0]["content"].endswith("return sum(l)\n")


@pytest.mark.parametrize("changes, field, text", [
    ({"language": "ruby"}, "language", "Unknown language ruby"),
    ({"tests": []}, "tests", "Add at least one test file"),
    ({"solution": [{"name": "autre.py", "content": "x"}]}, "solution", "must have the same names"),
    ({"limits": {"cpu_seconds": "deux"}}, "cpu_seconds", "CPU time limit (seconds) must be a number"),
    ({"limits": {"cpu_seconds": "-1"}}, "cpu_seconds", "must be greater than zero"),
    ({"limits": {"memory_mb": "100000"}}, "memory_mb", "must be at most 2048"),
    ({"weight": "beaucoup"}, "weight", "Weight must be a number"),
    ({"starter": [{"name": "../evil.py", "content": "x"}]}, "starter", "is not allowed"),
    ({"display_name": "  "}, "display_name", "Give the exercise a name"),
])
def test_studio_submit_refuses_invalid_data_naming_the_field(block, changes, field, text):
    before = block.definition()
    status, body = call(block, "studio_submit", studio_payload(**changes))
    assert status == 400
    assert body["error"]
    assert any(e["field"] == field and text in e["message"] for e in body["errors"]), body
    assert block.definition() == before  # nothing saved


def test_studio_errors_are_translated(block):
    status, body = call(block, "studio_submit", studio_payload(language="ruby"), language="fr")
    assert status == 400
    assert any("Langage inconnu" in e["message"] for e in body["errors"]), body


def course_exercises():
    folder = Path(__file__).resolve().parents[3] / "course_content" / "coding_exercise"
    return sorted(folder.glob("*.xml"))


def secret_lines(block):
    """Lines of the solution and hidden tests that a learner has no other way to see."""
    public = block.prompt + "".join(f["content"] for f in block.starter_files) + "".join(
        t["content"] for t in block.test_files if not t["hidden"])
    secret = [f["content"] for f in block.solution_files] + [
        t["content"] for t in block.test_files if t["hidden"]]
    return {line.strip() for text in secret for line in text.splitlines()
            if len(line.strip()) >= 20 and line.strip() not in public}


@pytest.mark.parametrize("path", course_exercises(), ids=lambda p: p.stem)
def test_course_exercises_load_validate_and_keep_their_secrets(path):
    block = load_block(path.read_text(encoding="utf-8"))
    with translation.override("en"):
        errors = [m.text for m in block.validate().messages if m.type == ValidationMessage.ERROR]
    assert not errors
    page = html.unescape(render(block, language="fr"))
    leaked = [line for line in secret_lines(block) if line in page]
    assert not leaked


def test_check_solution_grades_the_forms_solution_without_saving(block):
    before = block.definition()
    status, body = call(block, "check_solution", studio_payload(), language="fr")
    assert status == 200, body
    assert body["summary"] == "La solution de référence réussit les 1 tests."
    assert block.definition() == before and not block.runtime.events


def test_check_solution_reports_a_wrong_solution_and_keeps_hidden_tests_redacted(block):
    status, body = call(block, "check_solution", {})  # the saved exercise, unchanged
    assert status == 200 and body["verdict"]["passed"] == 4
    wrong = studio_payload(solution=[{"name": "somme.py", "content": "def somme(l):\n    return 0\n"}],
                           tests=[{"name": "test_somme.py", "content": "from somme import somme\n\n"
                                   "def test_a():\n    assert somme([1]) == 1\n", "hidden": True}])
    status, body = call(block, "check_solution", wrong)
    assert status == 200
    assert body["summary"].startswith("The reference solution passes 0 of 1 tests")
    assert body["verdict"]["tests"] == [{"name": "Hidden test 1", "outcome": "failed", "message": "",
                                         "hidden": True}]


def test_check_solution_refuses_an_invalid_form(block):
    status, body = call(block, "check_solution", studio_payload(language="ruby"))
    assert status == 400 and body["errors"][0]["field"] == "language"


def test_the_title_is_left_to_the_page_when_it_shows_it(block):
    assert 'class="jit-ce-title"' in block.student_view({}).content
    assert 'class="jit-ce-title"' not in block.student_view({"show_title": False}).content
