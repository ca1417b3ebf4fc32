"""Fixtures of the LTI tests: a fixture course, the stub platform, its registration."""
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from lti_bridge.runtime.course import load_course, set_course

from tests.integration.lti.blocks import AnswerCheckBlock
from tests.integration.lti.harness import StubPlatform

FIXTURE_COURSE = Path(__file__).parent / "fixtures" / "course"
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def _no_sender_thread(settings):
    # Tests deliver grades explicitly; a background thread would race them on the test database.
    settings.LTI_SENDER_THREAD = False
    settings.CELERY_BROKER_URL = ""


@pytest.fixture
def course():
    loaded = load_course(FIXTURE_COURSE, {"answer_check": AnswerCheckBlock})
    set_course(loaded)
    yield loaded
    set_course(None)


@pytest.fixture
def platform_stub():
    stub = StubPlatform().start()
    yield stub
    stub.stop()


@pytest.fixture
def platform(db, platform_stub):
    """The stub registered with the tool (as `jobintech lti add-platform` would)."""
    return platform_stub.register_with_tool()


def handler_url(html, usage_id, handler):
    wrapper = re.search(r'<div class="xblock [^"]*"[^>]*data-usage-id="%s"[^>]*>' % re.escape(usage_id), html)
    assert wrapper, f"no block {usage_id} in the page"
    prefix = re.search(r'data-handler-prefix="([^"]+)"', wrapper.group(0)).group(1)
    token = re.search(r'data-handler-token="([^"]+)"', wrapper.group(0)).group(1)
    return f"{prefix}{handler}?auth={token}"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def bridge(tmp_path):
    """`jobintech serve` in its own process (a small course with the real quiz block): (url, env)."""
    port = free_port()
    env = dict(os.environ, JOBINTECH_DATA_DIR=str(tmp_path), JOBINTECH_COURSE_DIR=str(Path(__file__).parent / "fixtures" / "served_course"),
               DJANGO_SETTINGS_MODULE="lti_bridge.settings", JOBINTECH_LOG_LEVEL="WARNING")
    env.pop("DATABASE_URL", None)
    env.pop("CELERY_BROKER_URL", None)
    url = f"http://127.0.0.1:{port}"
    # Its output goes to a file: a pipe nobody reads would stop the server once it is full.
    log = open(tmp_path / "serve.log", "w+")
    server = subprocess.Popen([sys.executable, "-m", "jobintech", "serve", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=log, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if requests.get(url + "/lti/jwks.json", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                if server.poll() is not None:
                    log.seek(0)
                    pytest.fail("jobintech serve exited: " + log.read())
                time.sleep(0.3)
        else:
            pytest.fail("jobintech serve did not start in time")
        yield url, env
    finally:
        server.terminate()
        server.wait(20)
        log.close()
