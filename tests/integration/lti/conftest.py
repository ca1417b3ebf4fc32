"""Fixtures of the LTI tests: a fixture course, the stub platform, its registration."""
import re
from pathlib import Path

import pytest

from lti_bridge.runtime.course import load_course, set_course

from tests.integration.lti.blocks import AnswerCheckBlock
from tests.integration.lti.harness import StubPlatform

FIXTURE_COURSE = Path(__file__).parent / "fixtures" / "course"


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
