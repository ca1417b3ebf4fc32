"""Mastery gating held by the bridge: a locked step's handlers and page are refused (403).

The real course (course_content/, module 1) in the real runtime, through the Django test client.
The bootcamp_module only leaves locked steps out of its page; these tests call a locked step the
way a learner could by hand (its handler URL, its preview URL) and check the bridge refuses,
that nothing was stored, and that the step opens once the learner has passed what comes before.
"""
import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from grader.olx import parse_file
from lti_bridge.models import BlockState, Score
from lti_bridge.runtime.runtime import BridgeRuntime

from .conftest import make_learner

pytestmark = pytest.mark.django_db

MODULE = "bootcamp_module.m1_python"
OPEN_EXERCISE = "coding_exercise.py_cotisation_cnss"   # step 2: only a lesson before it
LOCKED_EXERCISE = "coding_exercise.py_mention"         # step 3: behind step 2
LOCKED_QUIZ = "quiz.quiz_m1_controle"                  # step 9
FILES = {"files": {"mention.py": "def mention(moyenne):\n    return 'Passable'\n"}}


def handler(course, learner, usage_id, name, language="fr", staff=False):
    """The handler URL a page rendered for *learner* gives the block (what a learner can copy)."""
    with translation.override(language):
        runtime = BridgeRuntime(course, learner, staff=staff)
        return runtime.handler_url(runtime.get_block(usage_id), name)


def post_json(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_a_locked_steps_handlers_are_refused_and_store_nothing(client, real_course, lti_platform):
    learner = make_learner(lti_platform)
    for usage_id, name, data in [(LOCKED_EXERCISE, "save_code", FILES), (LOCKED_EXERCISE, "submit", FILES),
                                 (LOCKED_QUIZ, "submit", {"answers": {"q2": "3"}})]:
        response = post_json(client, handler(real_course, learner, usage_id, name), data)
        assert response.status_code == 403, (usage_id, name)
        message = response.json()["error"]
        assert "80" in message and "Cotisations CNSS" in message  # what to pass first, and how well
    assert not BlockState.objects.filter(learner=learner).exists()
    assert not Score.objects.filter(learner=learner).exists()


def test_open_steps_and_the_module_itself_still_answer(client, real_course, lti_platform):
    learner = make_learner(lti_platform)
    response = post_json(client, handler(real_course, learner, OPEN_EXERCISE, "save_code"),
                         {"files": {"cnss.py": "# brouillon\n"}})
    assert response.status_code == 200
    response = post_json(client, handler(real_course, learner, MODULE, "progress"), {})
    assert response.status_code == 200
    assert LOCKED_EXERCISE in response.json()["locked"]


def test_the_refusal_is_in_the_pages_language(client, real_course, lti_platform):
    learner = make_learner(lti_platform)
    response = post_json(client, handler(real_course, learner, LOCKED_EXERCISE, "save_code", "ar"), FILES)
    assert response.status_code == 403
    assert "مقفلة" in response.json()["error"]


def test_a_locked_steps_preview_page_is_refused_but_the_module_page_is_not(client, real_course):
    response = client.get(f"/preview/{LOCKED_EXERCISE}")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Cotisations CNSS" in html and "80" in html
    assert 'class="jit-ce' not in html  # nothing of the exercise reaches the browser
    assert client.get(f"/preview/{OPEN_EXERCISE}").status_code == 200
    module = client.get(f"/preview/{MODULE}").content.decode()
    assert f'data-step="{LOCKED_EXERCISE}"' in module and "is-locked" in module


def test_instructors_and_operators_open_every_step(client, real_course, lti_platform):
    # An instructor's page (staff runtime) hands out handler URLs that say so, signed.
    instructor = make_learner(lti_platform, sub="prof")
    response = post_json(client, handler(real_course, instructor, LOCKED_EXERCISE, "save_code", staff=True), FILES)
    assert response.status_code == 200
    # A learner's own URL never becomes a staff one.
    url = handler(real_course, make_learner(lti_platform, sub="etudiant"), LOCKED_EXERCISE, "save_code")
    assert post_json(client, url + "&staff=1", FILES).status_code == 403
    # An operator logged in to the bridge previews locked steps.
    operator = get_user_model().objects.create_user("operateur", password="x", is_staff=True)
    client.force_login(operator)
    assert client.get(f"/preview/{LOCKED_EXERCISE}").status_code == 200


@pytest.mark.sandbox
def test_passing_the_step_before_opens_the_locked_one(client, real_course, course_dir, lti_platform):
    learner = make_learner(lti_platform)
    definition = parse_file(str(Path(course_dir) / "coding_exercise" / "py_cotisation_cnss.xml"))
    files = {f["name"]: f["content"] for f in definition.solution}
    response = post_json(client, handler(real_course, learner, OPEN_EXERCISE, "submit"), {"files": files})
    assert response.status_code == 200, response.content
    assert Score.objects.get(learner=learner, usage_id=OPEN_EXERCISE).earned > 0
    response = post_json(client, handler(real_course, learner, LOCKED_EXERCISE, "save_code"), FILES)
    assert response.status_code == 200
    assert post_json(client, handler(real_course, learner, LOCKED_QUIZ, "submit"), {}).status_code == 403


def test_an_exercise_placed_alone_by_an_lms_is_not_gated_by_its_module(client, real_course, lti_platform):
    # A university links the exercise itself into its own LMS: its module's order does not apply there.
    learner = make_learner(lti_platform)
    with translation.override("fr"):
        runtime = BridgeRuntime(real_course, learner, gating_root=LOCKED_EXERCISE)
        url = runtime.handler_url(runtime.get_block(LOCKED_EXERCISE), "save_code")
    assert post_json(client, url, FILES).status_code == 200
    # ...but a link that places the whole module keeps the module's gating.
    with translation.override("fr"):
        runtime = BridgeRuntime(real_course, learner, gating_root=MODULE)
        url = runtime.handler_url(runtime.get_block(LOCKED_EXERCISE), "save_code")
    assert post_json(client, url, FILES).status_code == 403
