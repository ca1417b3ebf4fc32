"""Iframe reality: postMessage storage when cookies are blocked, frame-ancestors, CSRF."""
import json
import re

from django.test import Client

from lti_bridge.models import Learner


def storage_data(response):
    return json.loads(re.search(r'id="jit-storage" type="application/json">(.*?)</script>',
                                response.content.decode(), re.S).group(1))


def test_platform_storage_replaces_a_blocked_cookie(client, course, platform, platform_stub):
    auth, login_page = platform_stub.authorize(client, lti_storage_target="post_message_forwarding")
    assert login_page.status_code == 200
    stored = storage_data(login_page)
    assert stored["target"] == "post_message_forwarding" and stored["origin"] == platform_stub.url
    assert stored["key"] == "jit_" + auth["state"] and stored["value"]
    assert 'lti.put_data' in login_page.content.decode()
    data = platform_stub.launch_data(auth, block="answer_check.ex_somme")
    browser_without_cookies = Client()
    first = browser_without_cookies.post("/lti/launch", {"id_token": data["id_token"], "state": data["state"]})
    # The tool asks the platform frame for the value it stored at login...
    assert first.status_code == 200 and "lti.get_data" in first.content.decode()
    assert storage_data(first)["key"] == stored["key"]
    assert not Learner.objects.exists()
    # ...and the page posts it back: the launch goes through.
    second = browser_without_cookies.post("/lti/launch", {
        "id_token": data["id_token"], "state": data["state"], "lti_storage_checked": "1",
        "lti_storage_secret": stored["value"]}, follow=True)
    assert second.status_code == 200 and 'data-usage-id="answer_check.ex_somme"' in second.content.decode()


def test_platform_storage_with_the_wrong_value_is_refused(client, course, platform, platform_stub):
    auth, _ = platform_stub.authorize(client, lti_storage_target="_parent")
    data = platform_stub.launch_data(auth, block="answer_check.ex_somme")
    response = Client().post("/lti/launch", {"id_token": data["id_token"], "state": data["state"],
                                             "lti_storage_checked": "1", "lti_storage_secret": "guess"})
    assert response.status_code == 403 and not Learner.objects.exists()
    response = Client().post("/lti/launch", {"id_token": data["id_token"], "state": data["state"],
                                             "lti_storage_checked": "1"})
    assert response.status_code == 400 and not Learner.objects.exists()


def test_frame_ancestors_name_registered_platforms_only(client, course, platform, platform_stub):
    response = platform_stub.launch(client, block="answer_check.ex_somme")
    policy = response["Content-Security-Policy"]
    assert policy == f"frame-ancestors 'self' {platform_stub.url}"
    # Pages not meant to be framed keep X-Frame-Options: DENY.
    admin = client.get("/admin/login/")
    assert admin["X-Frame-Options"] == "DENY" and "Content-Security-Policy" not in admin


def test_launch_and_login_work_without_a_csrf_cookie(course, platform, platform_stub):
    strict = Client(enforce_csrf_checks=True)
    assert platform_stub.launch(strict, block="answer_check.ex_somme").status_code == 200


def test_session_cookie_is_partitioned_when_cross_site(settings, client, course, platform, platform_stub):
    settings.SESSION_COOKIE_SAMESITE = "None"
    settings.SESSION_COOKIE_SECURE = True
    response = platform_stub.launch(client, block="answer_check.ex_somme", follow_activity=False)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME].output()
    assert "SameSite=None; Partitioned" in cookie and "Secure" in cookie
