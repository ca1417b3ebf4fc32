"""Fixtures of the bridge tests: the fixture OLX course (and the bundled one) served by the real runtime."""
import re
from pathlib import Path

import pytest

from lti_bridge.models import Learner, Platform
from lti_bridge.runtime.course import load_course, set_course

from .testblocks import EchoExerciseBlock

FIXTURE_COURSE = Path(__file__).parent / "fixtures" / "course"
EXTRA_BLOCKS = {"echo_exercise": EchoExerciseBlock}


@pytest.fixture
def course():
    loaded = load_course(FIXTURE_COURSE, EXTRA_BLOCKS)
    set_course(loaded)
    yield loaded
    set_course(None)


@pytest.fixture
def real_course(course_dir):
    """The bundled course (course_content/) in the real runtime; skipped until it is written."""
    if not (Path(course_dir) / "course.xml").is_file():
        pytest.skip("course_content/course.xml is not written yet")
    loaded = load_course(course_dir)
    set_course(loaded)
    yield loaded
    set_course(None)


@pytest.fixture
def lti_platform(db):
    return Platform.objects.create(
        name="UM5 ENSIAS Moodle", issuer="https://moodle.ensias.um5.ac.ma", client_id="jobintech-1",
        auth_login_url="https://moodle.ensias.um5.ac.ma/mod/lti/auth.php",
        auth_token_url="https://moodle.ensias.um5.ac.ma/mod/lti/token.php",
        keyset_url="https://moodle.ensias.um5.ac.ma/mod/lti/certs.php",
    )


@pytest.fixture
def other_platform(db):
    return Platform.objects.create(
        name="UIR Canvas", issuer="https://canvas.uir.ac.ma", client_id="10000000000001",
    )


def make_learner(platform, sub="42"):
    return Learner.objects.create(platform=platform, sub=sub)


def handler_url(html, usage_id, handler):
    """The handler URL the page gives a block, built the way xblock-runtime.js builds it."""
    wrapper = re.search(r'<div class="xblock [^"]*"[^>]*data-usage-id="%s"[^>]*>' % re.escape(usage_id), html)
    assert wrapper, f"no wrapper for {usage_id} in the page"
    prefix = re.search(r'data-handler-prefix="([^"]+)"', wrapper.group(0)).group(1)
    token = re.search(r'data-handler-token="([^"]+)"', wrapper.group(0)).group(1)
    return f"{prefix}{handler}?auth={token}"
