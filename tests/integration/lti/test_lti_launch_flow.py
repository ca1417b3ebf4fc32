"""End-to-end launches driven by an independent platform (lti1p3platform + HTTP stub)."""
import re
from urllib.parse import urlparse

from lti_bridge.lti.models import LinkLaunch, LoginState, ResourceLink
from lti_bridge.models import Learner

from tests.integration.lti.harness import INSTRUCTOR, LEARNER


def test_login_redirects_to_the_platform_with_every_oidc_parameter(client, platform, platform_stub):
    auth, response = platform_stub.authorize(client)
    assert response.status_code == 302
    assert response["Location"].startswith(platform_stub.url + "/auth?")
    assert auth["client_id"] == platform_stub.client_id
    assert auth["redirect_uri"] == "http://testserver/lti/launch"
    assert auth["response_mode"] == "form_post" and auth["prompt"] == "none"
    assert auth["response_type"] == "id_token" and auth["scope"] == "openid"
    assert auth["login_hint"] == "u-1" and auth["lti_message_hint"] == "resource-1"
    stored = LoginState.objects.get(state=auth["state"])
    assert stored.nonce == auth["nonce"] and stored.consumed_at is None
    cookie = response.cookies["lti1p3_state_" + auth["state"]]
    assert cookie.value == stored.browser_secret and cookie["httponly"]


def test_login_also_accepts_post(client, platform, platform_stub):
    auth, response = platform_stub.authorize(client, method="post")
    assert response.status_code == 302 and auth["state"] and auth["nonce"]


def test_state_cookie_is_cross_site_and_partitioned_over_https(client, platform, platform_stub):
    url = urlparse(platform_stub.initiate_login())
    response = client.get(url.path + "?" + url.query, secure=True, HTTP_HOST="testserver")
    # target_link_uri is http://testserver: over https the tool's origin differs, so it refuses.
    assert response.status_code == 400
    url = urlparse(platform_stub.initiate_login().replace("http%3A%2F%2Ftestserver", "https%3A%2F%2Ftestserver"))
    response = client.get(url.path + "?" + url.query, secure=True)
    assert response.status_code == 302
    text = response.cookies.output()
    assert "SameSite=None; Partitioned" in text and "Secure" in text


def test_learner_launch_shows_the_block_and_logs_the_learner_in(client, course, platform, platform_stub):
    response = platform_stub.launch(client, user="etu-7", roles=LEARNER, block="answer_check.ex_somme")
    assert response.status_code == 200, response.content[:800]
    html = response.content.decode()
    assert 'data-usage-id="answer_check.ex_somme"' in html
    learner = Learner.objects.get(platform=platform, sub="etu-7")
    assert learner.name == "Salma Benali" and learner.email == "etu-7@um5.ac.ma"
    assert client.session["jobintech_learner"] == learner.pk
    link = ResourceLink.objects.get(resource_link_id="rl-answer_check.ex_somme")
    assert link.usage_id == "answer_check.ex_somme" and link.context_title == "Bootcamp Python 2026"
    assert link.lineitem_url == platform_stub.url + "/lineitems/answer_check.ex_somme"
    assert link.nrps_url == platform_stub.url + "/memberships"
    assert LinkLaunch.objects.get(learner=learner, link=link).is_instructor is False
    # framable by the platform only
    assert response["Content-Security-Policy"].startswith("frame-ancestors 'self'")
    assert platform_stub.url in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response


def test_launch_without_block_shows_the_course(client, course, platform, platform_stub):
    response = platform_stub.launch(client, user="etu-8")
    assert response.status_code == 200
    assert 'data-usage-id="course.2026"' in response.content.decode()


def test_instructor_launch_opens_the_instructor_page(client, course, platform, platform_stub):
    response = platform_stub.launch(client, user="prof-1", roles=INSTRUCTOR, block="vertical.u_somme")
    assert response.status_code == 303 and response["Location"].startswith("/lti/instructor?t=")
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "Activité vertical.u_somme" in html  # the link's title, from the launch
    activity = re.search(r'href="(/lti/activity\?t=[^"]+)"', html).group(1)
    opened = client.get(activity)
    assert opened.status_code == 200 and 'data-usage-id="vertical.u_somme"' in opened.content.decode()


def test_same_sub_on_two_platforms_are_two_learners(client, course, platform, platform_stub, db):
    from tests.integration.lti.harness import StubPlatform
    other = StubPlatform(client_id="other-tool").start()
    try:
        other.register_with_tool(name="Canvas UIR (stub)")
        assert platform_stub.launch(client, user="same-id", block="answer_check.ex_somme").status_code == 200
        assert other.launch(client, user="same-id", block="answer_check.ex_somme").status_code == 200
    finally:
        other.stop()
    learners = Learner.objects.filter(sub="same-id")
    assert learners.count() == 2 and len({l.platform_id for l in learners}) == 2


def test_keyset_is_cached_and_refetched_for_an_unknown_kid(client, course, platform, platform_stub):
    from lti_bridge.lti.models import PlatformKeyset
    assert platform_stub.launch(client, block="answer_check.ex_somme").status_code == 200
    first = PlatformKeyset.objects.get(platform=platform).fetched_at
    assert first is not None
    assert platform_stub.launch(client, block="answer_check.ex_somme").status_code == 200
    assert PlatformKeyset.objects.get(platform=platform).fetched_at == first  # cached
    # The platform rotates its key: the next launch names an unknown kid, the tool refetches.
    from lti_bridge.lti import keys
    from lti_bridge.lti.store import REFETCH_FLOOR
    PlatformKeyset.objects.filter(platform=platform).update(fetched_at=first - REFETCH_FLOOR * 2)
    platform_stub.private_key = keys.generate_private_key_pem()
    assert platform_stub.launch(client, block="answer_check.ex_somme").status_code == 200
    assert PlatformKeyset.objects.get(platform=platform).fetched_at > first
