"""Grades: a learner answers in the launched block; the score reaches the platform's AGS stub.

The platform stub is a real HTTP server; its token endpoint and its bearer check are
lti1p3platform's (client assertion signed with our key, verified against our JWKS).
"""
import json
from datetime import timedelta

from django.utils import timezone

from lti_bridge.lti import outbox
from lti_bridge.lti.models import LineItem
from lti_bridge.models import Learner, ScoreOutbox

from tests.integration.lti.conftest import handler_url


def answer(client, html, usage_id, text):
    response = client.post(handler_url(html, usage_id, "submit"), json.dumps({"answer": text}),
                           content_type="application/json")
    assert response.status_code == 200, response.content[:300]
    return response.json()


def test_score_reaches_the_line_item_of_the_launch(client, course, platform, platform_stub):
    page = platform_stub.launch(client, user="etu-1", block="answer_check.ex_somme").content.decode()
    assert answer(client, page, "answer_check.ex_somme", "5") == {"earned": 1.0}
    row = ScoreOutbox.objects.get(learner__sub="etu-1")
    assert row.status == ScoreOutbox.PENDING
    assert outbox.deliver_due() == {ScoreOutbox.SENT: 1}
    row.refresh_from_db()
    assert row.status == ScoreOutbox.SENT and row.attempts == 1 and row.sent_at
    [score] = platform_stub.scores
    assert score["lineitem"] == "answer_check.ex_somme"
    assert score["userId"] == "etu-1" and score["scoreGiven"] == 1.0 and score["scoreMaximum"] == 1.0
    assert score["activityProgress"] == "Completed" and score["gradingProgress"] == "FullyGraded"
    assert score["timestamp"].endswith("Z")


def test_token_is_cached_between_scores(client, course, platform, platform_stub):
    page = platform_stub.launch(client, user="etu-2", block="answer_check.ex_somme").content.decode()
    answer(client, page, "answer_check.ex_somme", "4")
    outbox.deliver_due()
    answer(client, page, "answer_check.ex_somme", "5")
    outbox.deliver_due()
    assert [s["scoreGiven"] for s in platform_stub.scores] == [0.0, 1.0]
    assert platform_stub.token_requests <= 1  # 0 when an earlier test's token is still cached


def test_line_item_is_created_when_the_launch_gave_only_lineitems(client, course, platform, platform_stub):
    """A unit is launched (no lineitem claim): the grade of the exercise inside gets its own line item."""
    page = platform_stub.launch(client, user="etu-3", block="vertical.u_capitale", lineitem=False)
    html = page.content.decode()
    answer(client, html, "answer_check.ex_capitale", "Rabat")
    assert outbox.deliver_due() == {ScoreOutbox.SENT: 1}
    created = platform_stub.lineitems["answer_check.ex_capitale"]
    assert created["label"] == "Capitale du Maroc" and created["scoreMaximum"] == 100
    assert created["resourceLinkId"] == "rl-vertical.u_capitale"
    assert platform_stub.scores[0]["scoreGiven"] == 2.0 and platform_stub.scores[0]["scoreMaximum"] == 2.0
    assert LineItem.objects.get(usage_id="answer_check.ex_capitale").url == created["id"]


def test_score_is_kept_and_retried_while_the_platform_is_down(client, course, platform, platform_stub):
    page = platform_stub.launch(client, user="etu-4", block="answer_check.ex_somme").content.decode()
    platform_stub.stop()
    answer(client, page, "answer_check.ex_somme", "5")
    assert outbox.deliver_due() == {ScoreOutbox.PENDING: 1}
    row = ScoreOutbox.objects.get(learner__sub="etu-4")
    assert row.attempts == 1 and "ConnectionError" in row.last_error
    assert row.next_attempt_at > timezone.now() + timedelta(seconds=20)  # backoff
    assert outbox.deliver_due() == {}  # not due yet
    platform_stub.start()  # same port
    ScoreOutbox.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    assert outbox.deliver_due() == {ScoreOutbox.SENT: 1}
    row.refresh_from_db()
    assert row.status == ScoreOutbox.SENT and row.attempts == 2
    assert [s["userId"] for s in platform_stub.scores] == ["etu-4"]


def test_gives_up_after_the_last_attempt_and_keeps_the_row(client, course, platform, platform_stub, settings):
    settings.LTI_AGS_MAX_ATTEMPTS = 2
    page = platform_stub.launch(client, user="etu-5", block="answer_check.ex_somme").content.decode()
    platform_stub.stop()
    answer(client, page, "answer_check.ex_somme", "5")
    for _ in range(2):
        ScoreOutbox.objects.update(next_attempt_at=timezone.now())
        outbox.deliver_due()
    row = ScoreOutbox.objects.get(learner__sub="etu-5")
    assert row.status == ScoreOutbox.FAILED and row.attempts == 2 and row.last_error


def test_an_older_pending_grade_is_superseded(client, course, platform, platform_stub):
    page = platform_stub.launch(client, user="etu-6", block="answer_check.ex_somme").content.decode()
    answer(client, page, "answer_check.ex_somme", "4")
    answer(client, page, "answer_check.ex_somme", "5")
    assert outbox.deliver_due() == {ScoreOutbox.SKIPPED: 1, ScoreOutbox.SENT: 1}
    assert [s["scoreGiven"] for s in platform_stub.scores] == [1.0]


def test_grade_without_grade_service_is_skipped_with_a_reason(client, course, platform, platform_stub):
    page = platform_stub.launch(client, user="etu-9", block="answer_check.ex_somme", ags=False).content.decode()
    answer(client, page, "answer_check.ex_somme", "5")
    assert outbox.deliver_due() == {ScoreOutbox.SKIPPED: 1}
    assert "grade service" in ScoreOutbox.objects.get().last_error
    assert platform_stub.scores == []


def test_a_refused_token_is_not_retried_forever(client, course, platform, platform_stub):
    """The platform no longer trusts our key (401 from the token endpoint): FAILED, not a loop."""
    page = platform_stub.launch(client, user="etu-10", block="answer_check.ex_somme").content.decode()
    platform_stub.tool_jwks = {"keys": []}
    outbox.token_client._cache.clear()
    answer(client, page, "answer_check.ex_somme", "5")
    assert outbox.deliver_due() == {ScoreOutbox.FAILED: 1}
    assert "token endpoint" in ScoreOutbox.objects.get().last_error


def test_send_scores_command(client, course, platform, platform_stub):
    from django.core.management import call_command
    page = platform_stub.launch(client, user="etu-11", block="answer_check.ex_somme").content.decode()
    answer(client, page, "answer_check.ex_somme", "5")
    call_command("lti_send_scores")
    assert ScoreOutbox.objects.get().status == ScoreOutbox.SENT
    assert Learner.objects.get(sub="etu-11").platform == platform


def test_celery_task_sends_the_grade_when_a_broker_is_configured(client, course, platform, platform_stub,
                                                                 settings, django_capture_on_commit_callbacks):
    from lti_bridge.lti.worker import app
    settings.CELERY_BROKER_URL = "memory://"
    app.conf.task_always_eager = True  # the worker runs in this process: same code path, no broker
    try:
        page = platform_stub.launch(client, user="etu-12", block="answer_check.ex_somme").content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            answer(client, page, "answer_check.ex_somme", "5")
    finally:
        app.conf.task_always_eager = False
    assert ScoreOutbox.objects.get().status == ScoreOutbox.SENT
    assert [s["userId"] for s in platform_stub.scores] == ["etu-12"]



def test_a_failing_broker_does_not_fail_the_answer(client, course, platform, platform_stub, settings,
                                                  django_capture_on_commit_callbacks):
    """The broker accepts connections and hangs up: queueing fails, the learner's answer does not."""
    import socket
    import threading
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    attempts = []

    def hang_up():
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            attempts.append(1)
            connection.close()
    threading.Thread(target=hang_up, daemon=True).start()
    from celery import Celery
    from lti_bridge.lti.worker import app as site_app
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
    # A Celery app of its own for this broker (shared tasks bind to the current app).
    Celery("failing-broker", broker=settings.CELERY_BROKER_URL, set_as_current=True,
           broker_transport_options={"max_retries": 0})
    try:
        page = platform_stub.launch(client, user="etu-14", block="answer_check.ex_somme").content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            assert answer(client, page, "answer_check.ex_somme", "5") == {"earned": 1.0}
    finally:
        site_app.set_current()
        listener.close()
    assert attempts  # the broker was really asked
    assert ScoreOutbox.objects.get().status == ScoreOutbox.PENDING  # kept for the next round
