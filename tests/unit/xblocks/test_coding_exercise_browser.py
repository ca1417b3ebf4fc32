"""The learner's page in a real Chromium, served by the xblock-sdk workbench (xblocks.workbench):
the CodeMirror editor, Run and Submit with per-test results, code restored on reload, RTL."""
import html
import importlib.util
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SOLUTION = "def somme(nombres):\n    total = 0\n    for n in nombres:\n        total += n\n    return total\n"

if CHROMIUM is None or importlib.util.find_spec("playwright") is None:
    pytest.skip("needs Chromium and playwright (make setup installs both)", allow_module_level=True)
if importlib.util.find_spec("grader.runners.python") is None:
    pytest.skip("the Python runner (grader/runners/python.py) is not there yet", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def workbench(tmp_path_factory):
    port = free_port()
    env = {**os.environ, "JOBINTECH_DATA_DIR": str(tmp_path_factory.mktemp("workbench"))}
    log = open(tmp_path_factory.mktemp("log") / "workbench.log", "w+")
    server = subprocess.Popen([sys.executable, "-m", "xblocks.workbench", f"127.0.0.1:{port}"],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                index = urllib.request.urlopen(base + "/", timeout=60).read().decode()
                break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.5)
        else:
            index = ""
        if not index:
            log.seek(0)
            pytest.fail(f"the workbench did not start:\n{log.read()[-3000:]}")
        links = dict((html.unescape(title), href) for href, title in
                     re.findall(r'<a href="(/scenario/coding_exercise\.\d+/)">([^<]+)</a>', index))
        yield base, links
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


def open_exercise(browser, workbench, language):
    base, links = workbench
    page = browser.new_page(extra_http_headers={"Accept-Language": language})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + links["Somme d'une liste"])
    page.wait_for_selector(".jit-ce .cm-editor")
    return page, errors


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
