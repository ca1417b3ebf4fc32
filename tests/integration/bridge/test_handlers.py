"""Block handlers through the Django test client: state, grades, outbox, tenants, errors."""
import json

import pytest

from lti_bridge.models import BlockState, Completion, Score, ScoreOutbox, SharedBlockState
from lti_bridge.runtime.runtime import BridgeRuntime

from .conftest import handler_url, make_learner

pytestmark = pytest.mark.django_db

EXERCISE = "echo_exercise.ex_capitale"


def post_json(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def learner_url(course, learner, usage_id, handler, language="fr"):
    """The URL a page rendered for *learner* would give the block (what an LTI launch serves)."""
    from django.utils import translation

    with translation.override(language):
        runtime = BridgeRuntime(course, learner)
        return runtime.handler_url(runtime.get_block(usage_id), handler)


def test_preview_submit_stores_state_grade_completion_and_outbox(client, course):
    page = client.get("/preview/vertical.u_inline").content.decode()
    url = handler_url(page, EXERCISE, "submit")

    response = post_json(client, url, {"answer": "Casablanca"})
    assert response.status_code == 200
    assert response.json()["correct"] is False

    response = post_json(client, url, {"answer": "Rabat"})
    assert response.json() == {"correct": True, "attempts": 2, "message": "Catalogue",
                               "anonymous_id": response.json()["anonymous_id"]}
    score = Score.objects.get(usage_id=EXERCISE)
    assert (score.earned, score.possible) == (2.0, 2.0)
    assert score.learner.platform.kind == "preview"
    assert score.learner.anonymous_id == response.json()["anonymous_id"]
    # One outbox row per grade change; preview grades have nowhere to go.
    assert list(ScoreOutbox.objects.values_list("score_given", "status")) == [(0.0, "skipped"), (2.0, "skipped")]
    assert Completion.objects.get(usage_id=EXERCISE).completion == 1.0
    state = BlockState.objects.get(scope="user_state", block_key=EXERCISE)
    assert state.fields == {"answer": "Rabat", "attempts": 2}

    # The next page view shows the saved answer.
    assert 'value="Rabat"' in client.get("/preview/vertical.u_inline").content.decode()
    assert "terminé" in client.get("/").content.decode()


def test_lti_learner_grade_is_queued_for_delivery(client, course, lti_platform):
    learner = make_learner(lti_platform)
    url = learner_url(course, learner, EXERCISE, "submit")
    post_json(client, url, {"answer": "Rabat"})
    row = ScoreOutbox.objects.get()
    assert (row.learner, row.usage_id, row.score_given, row.score_maximum, row.status) == \
        (learner, EXERCISE, 2.0, 2.0, ScoreOutbox.PENDING)
    # The same grade again changes nothing: nothing new to send.
    post_json(client, url, {"answer": "Rabat"})
    assert ScoreOutbox.objects.count() == 1


def test_learner_state_is_separate_per_platform_even_with_the_same_sub(client, course, lti_platform, other_platform):
    moodle_learner = make_learner(lti_platform, sub="42")
    canvas_learner = make_learner(other_platform, sub="42")
    post_json(client, learner_url(course, moodle_learner, EXERCISE, "submit"), {"answer": "Rabat"})

    response = post_json(client, learner_url(course, canvas_learner, EXERCISE, "submit"), {"answer": "Fès"})
    assert response.json()["attempts"] == 1  # not 2: the Moodle learner's attempt is not theirs
    assert Score.objects.get(learner=moodle_learner).earned == 2.0
    assert Score.objects.get(learner=canvas_learner).earned == 0.0
    assert BlockState.objects.get(learner=moodle_learner).fields["answer"] == "Rabat"
    assert BlockState.objects.get(learner=canvas_learner).fields["answer"] == "Fès"

    # State shared by all learners (thumbs vote totals) is shared within a platform only.
    vote = "thumbs.avis_somme"
    post_json(client, learner_url(course, moodle_learner, vote, "vote"), {"voteType": "up"})
    post_json(client, learner_url(course, make_learner(lti_platform, sub="43"), vote, "vote"), {"voteType": "up"})
    response = post_json(client, learner_url(course, canvas_learner, vote, "vote"), {"voteType": "up"})
    assert response.json() == {"up": 1, "down": 0}
    assert SharedBlockState.objects.get(platform=lti_platform).fields["upvotes"] == 2


def test_handler_without_or_with_a_forged_token_is_refused(client, course, lti_platform):
    learner = make_learner(lti_platform)
    url = learner_url(course, learner, EXERCISE, "submit")
    base = url.partition("?")[0]
    for bad in (base, base + "?auth=", base + "?auth=" + url.partition("auth=")[2][:-2] + "xx"):
        response = post_json(client, bad, {"answer": "Rabat"})
        assert response.status_code == 403
        assert "Rechargez la page" in response.json()["error"]
    assert not Score.objects.exists() and not BlockState.objects.exists()


def test_expired_token_is_refused(client, course, lti_platform, settings):
    url = learner_url(course, make_learner(lti_platform), EXERCISE, "submit")
    settings.HANDLER_TOKEN_MAX_AGE = -1
    assert post_json(client, url, {"answer": "Rabat"}).status_code == 403


def test_inactive_platform_cannot_call_handlers(client, course, lti_platform):
    url = learner_url(course, make_learner(lti_platform), EXERCISE, "submit")
    lti_platform.is_active = False
    lti_platform.save()
    assert post_json(client, url, {"answer": "Rabat"}).status_code == 403


def test_handler_language_comes_from_the_page(client, course, lti_platform):
    learner = make_learner(lti_platform)
    assert post_json(client, learner_url(course, learner, EXERCISE, "submit", "ar"),
                     {"answer": "x"}).json()["message"] == "الفهرس"
    assert post_json(client, learner_url(course, learner, EXERCISE, "submit", "en"),
                     {"answer": "x"}).json()["message"] == "Catalog"


def test_unknown_handler_block_and_failing_handler_give_json_errors(client, course, lti_platform):
    learner = make_learner(lti_platform)
    url = learner_url(course, learner, EXERCISE, "submit")
    response = client.post(url.replace("/submit?", "/nope?"))
    assert response.status_code == 404 and "nope" in response.json()["error"]
    response = client.post(url.replace(EXERCISE, "echo_exercise.gone"))
    assert response.status_code == 404 and "n'existe plus" in response.json()["error"]
    response = client.post(url.replace("/submit?", "/explode?"))
    assert response.status_code == 500
    assert response.json() == {"error": "Un problème est survenu sur le serveur. "
                                        "Votre travail est conservé ; veuillez réessayer."}


def test_bad_json_body_is_a_400_from_the_block(client, course, lti_platform):
    url = learner_url(course, make_learner(lti_platform), EXERCISE, "submit")
    response = client.post(url, "{not json", content_type="application/json")
    assert response.status_code == 400


def test_grade_event_rules(course, lti_platform):
    from lti_bridge.scores import record_grade

    learner = make_learner(lti_platform)
    assert record_grade(learner, "x.y", {"value": 1, "max_value": 2}).earned == 1
    assert record_grade(learner, "x.y", {"value": 0, "max_value": 2, "only_if_higher": True}).earned == 1
    assert record_grade(learner, "x.y", {"value": 2, "max_value": 2, "only_if_higher": True}).earned == 2
    for bad in ({"value": 3, "max_value": 2}, {"value": "a", "max_value": 1}, {"max_value": 1},
                {"value": float("nan"), "max_value": 1}, {"value": -1, "max_value": 1}):
        assert record_grade(learner, "x.z", bad) is None
    assert ScoreOutbox.objects.filter(usage_id="x.y").count() == 2
    assert not Score.objects.filter(usage_id="x.z").exists()
