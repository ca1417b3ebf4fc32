"""The preview in a real Chromium: the bridge's JavaScript runtime initialises blocks, builds
handler URLs and the block's Submit reaches the server and stores a grade."""
import shutil

import pytest

from lti_bridge.models import Score, ScoreOutbox

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (make setup installs it)"),
]


def run_in_browser(url, steps):
    """Open *url* in Chromium and run *steps(page)*; returns what it returns plus page errors.

    Playwright's sync API runs an event loop in this thread, where Django refuses database
    access: the tests check the database after the browser has closed.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            errors = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.goto(url)
            return steps(page), errors
        finally:
            browser.close()


BLOCK = 'document.querySelector(\'[data-usage-id="echo_exercise.ex_capitale"]\')'


def submit_answer(page):
    seen = {"dir": page.locator("html").get_attribute("dir")}
    # The init function ran with its arguments; its return value is kept for parents.
    seen["instance"] = page.evaluate(f"{BLOCK}.xblockInstance.expected")
    block = page.locator('[data-usage-id="echo_exercise.ex_capitale"]')
    block.locator("input[name=answer]").fill("Rabat")
    block.locator("button").click()
    page.wait_for_function(f"{BLOCK}.querySelector('.echo-result').textContent !== ''")
    seen["result"] = block.locator(".echo-result").text_content()
    # The parent's JavaScript view of its children (runtime.children): initialised ones are objects.
    seen["children"] = page.evaluate(
        "JobInTechRuntime.children(document.querySelector('[data-usage-id=\"vertical.u_inline\"]'))"
        ".map(function (child) { return child !== undefined; })"
    )
    return seen


def test_block_initialises_and_submits_through_the_runtime(live_server, course):
    seen, errors = run_in_browser(f"{live_server.url}/preview/vertical.u_inline?lang=ar", submit_answer)
    # The SDK's thumbs block expects Open edX's global jQuery, which the bridge does not load:
    # its failure is reported and contained, the other block of the unit works.
    assert seen == {"dir": "rtl", "instance": 5, "result": "الفهرس", "children": [True, False]}
    assert len(errors) == 1 and "thumbs" in errors[0] and "init failed" in errors[0]
    score = Score.objects.get(usage_id="echo_exercise.ex_capitale")
    assert (score.earned, score.possible) == (2.0, 2.0)
    assert ScoreOutbox.objects.get().status == ScoreOutbox.SKIPPED
