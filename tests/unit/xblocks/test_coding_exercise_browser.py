"""The learner's page in a real Chromium, served by the xblock-sdk workbench (xblocks.workbench):
the CodeMirror editor, Run and Submit with per-test results, code restored on reload, RTL."""
import importlib.util

import pytest
from browser_support import open_page, require_browser

pytestmark = pytest.mark.browser

SOLUTION = "def somme(nombres):\n    total = 0\n    for n in nombres:\n        total += n\n    return total\n"

require_browser()
if importlib.util.find_spec("grader.runners.python") is None:
    pytest.skip("the Python runner (grader/runners/python.py) is not there yet", allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402


def open_exercise(browser, workbench, language):
    base, links = workbench
    return open_page(browser, base + links["Somme d'une liste"], language, ".jit-ce .cm-editor")


def set_code(page, code):
    """Replace the editor's text the way an edit does (through CodeMirror, so autosave fires)."""
    page.evaluate("""code => {
        const view = JitCodeMirror.EditorView.findFromDOM(document.querySelector('.jit-ce .cm-editor'));
        view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: code}});
    }""", code)


def test_run_submit_and_reload_in_french(browser, workbench):
    page, errors = open_exercise(browser, workbench, "fr")
    assert page.locator(".jit-ce-run").inner_text() == "Exécuter"
    set_code(page, SOLUTION)
    page.click(".jit-ce-run")
    rows = page.locator(".jit-ce-table tbody tr")
    expect(rows).to_have_count(2, timeout=30_000)
    expect(page.locator(".jit-ce-summary")).to_have_text("Tous les tests sont réussis. Bravo !")
    expect(page.locator(".jit-ce-attempts")).to_have_text("Tentatives restantes : 3")

    page.click(".jit-ce-submit")
    expect(rows).to_have_count(4, timeout=30_000)
    expect(page.locator(".jit-ce-table tbody")).to_contain_text("Test caché 2")
    expect(page.locator(".jit-ce-score")).to_have_text("Note : 1 / 1")
    expect(page.locator(".jit-ce-attempts")).to_have_text("Tentatives restantes : 2")
    assert page.locator(".jit-ce-status").get_attribute("aria-live") == "polite"

    page.reload()
    page.wait_for_selector(".jit-ce .cm-editor")
    assert "total += n" in page.locator(".jit-ce .cm-content").first.inner_text()
    expect(page.locator(".jit-ce-table tbody tr")).to_have_count(4)  # last verdict shown again
    assert not errors


def test_arabic_page_is_right_to_left_with_left_to_right_code(browser, workbench):
    page, errors = open_exercise(browser, workbench, "ar")
    assert page.locator(".jit-ce").get_attribute("dir") == "rtl"
    assert page.locator(".jit-ce .cm-editor").first.get_attribute("dir") == "ltr"
    assert page.locator(".jit-ce-run").inner_text() == "تشغيل"
    page.click(".jit-ce-hint")
    expect(page.locator(".jit-ce-hint-list li")).to_have_count(1)
    assert not errors
