"""A real Chromium inside a real LMS page: the bridge framed cross-site, cookies refused as
browsers do for third-party frames over plain http, the launch carried by the platform's
postMessage storage instead."""
import shutil
import subprocess
import sys
from urllib.parse import quote

import pytest
import requests

from tests.integration.lti.conftest import ROOT
from tests.integration.lti.harness import StubPlatform

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (make setup installs it)")]


def frame_text(url, wait_for):
    """Open the LMS page *url* in Chromium; the tool frame's HTML once *wait_for* shows in it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            visited = []
            page.on("framenavigated", lambda frame: visited.append(frame.url[:100]))
            page.goto(url)
            try:
                page.frame_locator("#tool").locator(wait_for).first.wait_for(timeout=30000)
            except Exception:  # say where the frame got stuck (its URL: content() could wait on)
                raise AssertionError(f"the tool frame stopped at {page.frame(name='tool').url}; "
                                     f"frames visited: {visited}") from None
            return page.frame(name="tool").content()
        finally:
            browser.close()


@pytest.fixture
def lms(bridge):
    url, env = bridge
    tool = url.replace("127.0.0.1", "localhost")  # another site than the LMS (127.0.0.1)
    stub = StubPlatform(tool=tool).start()
    stub.browser_block = "quiz.quiz_division"
    registered = subprocess.run(
        [sys.executable, "-m", "jobintech", "lti", "add-platform", "--name", "Moodle (stub)", "--issuer", stub.issuer,
         "--client-id", stub.client_id, "--deployment-id", stub.deployment_id, "--auth-login-url", stub.url + "/auth",
         "--auth-token-url", stub.url + "/token", "--keyset-url", stub.url + "/jwks"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert registered.returncode == 0, registered.stderr
    stub.tool_jwks = requests.get(tool + "/lti/jwks.json", timeout=10).json()
    yield stub
    stub.stop()


def test_launch_in_an_iframe_through_platform_storage(lms):
    login = lms.initiate_login(lti_storage_target="_parent")
    html = frame_text(lms.url + "/lms?login=" + quote(login, safe=""), '[data-usage-id="quiz.quiz_division"]')
    assert "Division entière" in html and "data-lti-error" not in html


def test_without_platform_storage_the_blocked_cookie_is_explained(lms):
    html = frame_text(lms.url + "/lms?login=" + quote(lms.initiate_login(), safe=""), "[data-lti-error]")
    assert "cookie" in html and "data-lti-error" in html
