"""A learner opens an exercise in `make run`'s server, types code, runs and submits it."""
import os
import re

import pytest

from grader.olx import parse_file

pytestmark = pytest.mark.browser

EXERCISE = os.path.join(os.path.dirname(__file__), "..", "..", "course_content", "coding_exercise", "py_cotisation_cnss.xml")


def replace_code(page, code):
    editor = page.locator(".jit-ce .cm-content").first
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code)


def test_run_then_submit_shows_per_test_results_and_a_score(server, page):
    definition = parse_file(EXERCISE)
    solution = definition.solution[0]["content"]
    page.goto(f"{server}/preview/coding_exercise.py_cotisation_cnss")
    page.wait_for_selector(".jit-ce .cm-editor")

    # Starter code: Run shows the visible tests, some failing.
    page.click(".jit-ce-run")
    results = page.locator(".jit-ce-results")
    results.wait_for(state="visible")
    rows = page.locator(".jit-ce-table tbody tr")
    assert rows.count() >= 1
    passed, total = map(int, re.search(r"(\d+)\D+(\d+)", page.locator(".jit-ce-summary").inner_text()).groups())
    assert 0 <= passed < total == rows.count()  # the starter code does not pass every visible test

    # The reference solution, typed in the editor: Submit grades every test, hidden ones included.
    replace_code(page, solution)
    page.click(".jit-ce-submit")
    page.wait_for_function(
        "/\\b1\\s*\\/\\s*1\\b/.test(document.querySelector('.jit-ce-score').textContent)", timeout=60_000)
    text = page.locator(".jit-ce-results").inner_text()
    assert "TestRetenues.test_" in text  # visible test names are shown
    assert "Test caché 1" in text  # hidden tests only as a generic label
    assert definition.solution[0]["content"].splitlines()[0] not in page.content().split("cm-content")[0]


def test_the_code_is_kept_across_reloads(server, page):
    page.goto(f"{server}/preview/coding_exercise.py_cotisation_cnss")
    page.wait_for_selector(".jit-ce .cm-editor")
    replace_code(page, "def retenues_salariales(salaire_brut):\n    return 0  # gardé\n")
    page.click(".jit-ce-run")
    page.locator(".jit-ce-results").wait_for(state="visible")
    page.reload()
    page.wait_for_selector(".jit-ce .cm-editor")
    assert "gardé" in page.locator(".jit-ce .cm-content").first.inner_text()


def test_the_reference_solution_never_reaches_the_learner(server, page):
    definition = parse_file(EXERCISE)
    solution_body = [line for line in definition.solution[0]["content"].splitlines()
                     if "return round" in line]
    page.goto(f"{server}/preview/coding_exercise.py_cotisation_cnss")
    page.wait_for_selector(".jit-ce .cm-editor")
    html = page.content()
    for hidden in (t for t in definition.tests if t["hidden"]):
        assert hidden["content"].strip().splitlines()[-1].strip() not in html
    assert all(line.strip() not in html for line in solution_body if len(line.strip()) > 20)


def test_arabic_pages_are_right_to_left(server, page):
    page.goto(f"{server}/?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
