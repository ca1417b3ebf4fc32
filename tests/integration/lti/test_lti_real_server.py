"""The whole path through real processes: `jobintech lti add-platform`, `jobintech serve` (a
small course with the real quiz block), a browser session over HTTP, the platform stub receiving the grade
from the server's own background sender (the embedded default, no Celery)."""
import json
import re
import subprocess
import sys
import time
from urllib.parse import urlparse

import requests

from tests.integration.lti.conftest import ROOT
from tests.integration.lti.harness import StubPlatform


def test_launch_answer_and_grade_through_a_real_server(bridge):
    url, env = bridge
    stub = StubPlatform(tool=url).start()
    try:
        registered = subprocess.run(
            [sys.executable, "-m", "jobintech", "lti", "add-platform", "--name", "Moodle (stub)", "--issuer", stub.issuer,
             "--client-id", stub.client_id, "--deployment-id", stub.deployment_id, "--auth-login-url", stub.url + "/auth",
             "--auth-token-url", stub.url + "/token", "--keyset-url", stub.url + "/jwks"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert registered.returncode == 0, registered.stderr
        stub.tool_jwks = requests.get(url + "/lti/jwks.json", timeout=10).json()

        browser = requests.Session()
        login = browser.get(stub.initiate_login(), allow_redirects=False, timeout=10)
        assert login.status_code == 302, login.text[:500]
        auth = dict(p.split("=", 1) for p in urlparse(login.headers["Location"]).query.split("&"))
        auth = {k: requests.utils.unquote(v) for k, v in auth.items()}
        data = stub.launch_data(auth, user="etu-serve", block="quiz.quiz_division")
        page = browser.post(data["launch_url"], data={"id_token": data["id_token"], "state": data["state"]}, timeout=30)
        assert page.status_code == 200, page.text[:800]
        wrapper = re.search(r'<div class="xblock [^"]*"[^>]*data-usage-id="quiz.quiz_division"[^>]*>', page.text)
        prefix = re.search(r'data-handler-prefix="([^"]+)"', wrapper.group(0)).group(1)
        token = re.search(r'data-handler-token="([^"]+)"', wrapper.group(0)).group(1)
        answered = browser.post(url + prefix + "submit?auth=" + token, data=json.dumps({"answers": {"q1": "3"}}),
                                headers={"Content-Type": "application/json"}, timeout=30)
        assert answered.status_code == 200, answered.text[:500]

        deadline = time.monotonic() + 60
        while not stub.scores and time.monotonic() < deadline:
            time.sleep(0.2)
        [score] = stub.scores
        assert score["userId"] == "etu-serve" and score["lineitem"] == "quiz.quiz_division"
        assert score["scoreGiven"] == score["scoreMaximum"] > 0
    finally:
        stub.stop()
