"""Deep linking, roster (NRPS), dynamic registration, JWKS and key rotation, end to end."""
import html
import re
from urllib.parse import quote, urlparse

import jwt

from lti_bridge.lti import toolkeys
from lti_bridge.lti.models import ToolKey
from lti_bridge.models import Deployment, Learner, Platform

from tests.integration.lti.harness import INSTRUCTOR, LEARNER, REGISTRATION_TOKEN, StubPlatform


def deep_link_page(client, stub, **kwargs):
    response = stub.launch(client, user="prof-1", roles=INSTRUCTOR, message="deep_link", **kwargs)
    assert response.status_code == 303 and response["Location"].startswith("/lti/deep-link?t="), response.content[:500]
    page = client.get(response["Location"])
    assert page.status_code == 200
    return page.content.decode()


def test_deep_linking_returns_signed_resource_links(client, course, platform, platform_stub):
    page = deep_link_page(client, platform_stub, dl_data={"opaque": "kept"})
    for usage_id in ("course.2026", "chapter.ch_python", "vertical.u_somme", "answer_check.ex_somme"):
        assert f'value="{usage_id}"' in page
    token = re.search(r'name="t" value="([^"]+)"', page).group(1)
    response = client.post("/lti/deep-link", {"t": token, "block": ["vertical.u_somme", "answer_check.ex_capitale"]})
    assert response.status_code == 200
    body = response.content.decode()
    assert f'action="{platform_stub.url}/deep_link_return"' in body and ".submit()" in body
    jwt_value = html.unescape(re.search(r'name="JWT" value="([^"]+)"', body).group(1))
    # The platform (lti1p3platform) verifies our signature against our JWKS and reads the items.
    items = platform_stub.validate_deep_link_response(jwt_value)
    assert [i["custom"]["block"] for i in items] == ["vertical.u_somme", "answer_check.ex_capitale"]
    assert all(i["type"] == "ltiResourceLink" and i["url"] == "http://testserver/lti/launch" for i in items)
    assert "lineItem" not in items[0]
    assert items[1]["lineItem"] == {"scoreMaximum": 100.0, "label": "Capitale du Maroc",
                                    "resourceId": "answer_check.ex_capitale", "tag": "jobintech"}
    claims = jwt.decode(jwt_value, options={"verify_signature": False})
    assert claims["iss"] == platform_stub.client_id and claims["aud"] == platform_stub.issuer
    assert claims["https://purl.imsglobal.org/spec/lti/claim/deployment_id"] == "dep-1"
    assert claims["https://purl.imsglobal.org/spec/lti-dl/claim/data"] == {"opaque": "kept"}
    assert claims["https://purl.imsglobal.org/spec/lti/claim/message_type"] == "LtiDeepLinkingResponse"


def test_the_placed_link_launches_the_chosen_block(client, course, platform, platform_stub):
    response = platform_stub.launch(client, user="etu-1", roles=LEARNER, block="answer_check.ex_capitale")
    assert 'data-usage-id="answer_check.ex_capitale"' in response.content.decode()


def test_deep_linking_is_for_instructors_only(client, course, platform, platform_stub, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = platform_stub.launch(client, user="etu-1", roles=LEARNER, message="deep_link")
    assert response.status_code == 403 and "Only instructors" in response.content.decode()


def test_deep_link_form_needs_the_token_of_the_launch(client, course, platform, platform_stub):
    deep_link_page(client, platform_stub)
    response = client.post("/lti/deep-link", {"t": "forged", "block": ["course.2026"]})
    assert response.status_code == 403
    response = client.get("/lti/deep-link")
    assert response.status_code == 403


def test_roster_shows_who_started_and_who_is_stuck(client, course, platform, platform_stub):
    from django.utils import timezone
    from datetime import timedelta
    platform_stub.members = [
        {"user_id": "etu-a", "name": "Amine", "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
         "status": "Active"},
        {"user_id": "etu-b", "name": "Badr", "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"]},
        {"user_id": "etu-c", "name": "Chaimae", "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"]},
        {"user_id": "prof-1", "name": "Prof", "roles": INSTRUCTOR},
    ]
    from django.test import Client
    for sub in ("etu-a", "etu-b"):
        assert platform_stub.launch(Client(), user=sub, block="vertical.u_somme").status_code == 200
    Learner.objects.filter(sub="etu-b").update(last_seen_at=timezone.now() - timedelta(days=10))
    response = platform_stub.launch(client, user="prof-1", roles=INSTRUCTOR, block="vertical.u_somme")
    page = client.get(response["Location"]).content.decode()
    assert re.search(r'data-user="etu-a" data-status="started"', page)
    assert re.search(r'data-user="etu-b" data-status="stuck"', page)
    assert re.search(r'data-user="etu-c" data-status="not-started"', page)
    assert 'data-user="prof-1"' not in page


def test_instructor_page_is_refused_to_learners_and_other_tokens(client, course, platform, platform_stub):
    from lti_bridge.lti.http import page_token
    from lti_bridge.lti.models import ResourceLink
    platform_stub.launch(client, user="etu-a", block="vertical.u_somme")
    learner, link = Learner.objects.get(sub="etu-a"), ResourceLink.objects.get()
    assert client.get("/lti/instructor?t=" + page_token(kind="link", learner=learner.pk, link=link.pk)).status_code == 403
    assert client.get("/lti/instructor?t=garbage").status_code == 403


def test_instructor_of_one_platform_cannot_see_another_platforms_link(client, course, platform, platform_stub):
    from lti_bridge.lti.http import page_token
    from lti_bridge.lti.models import ResourceLink
    other = StubPlatform(client_id="other-tool").start()
    try:
        other.register_with_tool(name="Canvas (stub)")
        platform_stub.launch(client, user="prof-1", roles=INSTRUCTOR, block="vertical.u_somme")
        other.launch(client, user="prof-2", roles=INSTRUCTOR, block="vertical.u_capitale")
    finally:
        other.stop()
    prof_1 = Learner.objects.get(sub="prof-1")
    foreign = ResourceLink.objects.get(platform__client_id="other-tool")
    # Even with a validly signed token naming the foreign link, the page is refused.
    assert client.get("/lti/instructor?t=" + page_token(kind="link", learner=prof_1.pk, link=foreign.pk)).status_code == 403
    assert client.get("/lti/activity?t=" + page_token(kind="link", learner=prof_1.pk, link=foreign.pk)).status_code == 403


def test_dynamic_registration_stores_a_pending_platform(client, db, platform_stub, settings):
    settings.LTI_ALLOW_LOCAL_REGISTRATION = True  # the stub LMS runs on 127.0.0.1
    config = quote(platform_stub.url + "/.well-known/openid-configuration", safe="")
    response = client.get(f"/lti/register?openid_configuration={config}&registration_token={REGISTRATION_TOKEN}")
    assert response.status_code == 200, response.content[:800]
    assert "org.imsglobal.lti.close" in response.content.decode()
    [sent] = platform_stub.registrations
    assert sent["initiate_login_uri"] == "http://testserver/lti/login"
    assert sent["redirect_uris"] == ["http://testserver/lti/launch"]
    assert sent["jwks_uri"] == "http://testserver/lti/jwks.json"
    assert sent["token_endpoint_auth_method"] == "private_key_jwt"
    assert "https://purl.imsglobal.org/spec/lti-ags/scope/score" in sent["scope"]
    platform = Platform.objects.get(issuer=platform_stub.issuer)
    assert platform.client_id == platform_stub.client_id and platform.is_active is False
    assert platform.auth_token_url == platform_stub.url + "/token"
    assert Deployment.objects.filter(platform=platform, deployment_id="dep-1").exists()
    # Pending: its launches are refused until the administrator activates it.
    login = urlparse(platform_stub.initiate_login())
    assert client.get(login.path + "?" + login.query).status_code == 403


def test_dynamic_registration_auto_activates_when_configured(client, course, db, platform_stub, settings):
    settings.LTI_AUTO_ACTIVATE_REGISTRATIONS = True
    settings.LTI_ALLOW_LOCAL_REGISTRATION = True
    config = quote(platform_stub.url + "/.well-known/openid-configuration", safe="")
    assert client.get(f"/lti/register?openid_configuration={config}&registration_token={REGISTRATION_TOKEN}").status_code == 200
    platform_stub.learn_tool_keys()
    assert platform_stub.launch(client, block="answer_check.ex_somme").status_code == 200


def test_dynamic_registration_errors_are_explained(client, db, platform_stub, settings):
    settings.LTI_ALLOW_LOCAL_REGISTRATION = True
    assert client.get("/lti/register").status_code == 400
    config = quote(platform_stub.url + "/.well-known/openid-configuration", safe="")
    response = client.get(f"/lti/register?openid_configuration={config}&registration_token=wrong")
    assert response.status_code == 502 and "HTTP 401" in response.content.decode()
    response = client.get("/lti/register?openid_configuration=" + quote("http://example.com/conf", safe=""))
    assert response.status_code == 400 and "https://" in response.content.decode()


def test_openid_configuration_claiming_another_host_is_refused(client, db, platform_stub, settings):
    settings.LTI_ALLOW_LOCAL_REGISTRATION = True
    platform_stub.claimed_issuer = "https://moodle.um5.ac.ma"
    config = quote(platform_stub.url + "/.well-known/openid-configuration", safe="")
    response = client.get(f"/lti/register?openid_configuration={config}&registration_token={REGISTRATION_TOKEN}",
                          HTTP_COOKIE="jobintech_language=en")
    assert response.status_code == 400 and "another host" in response.content.decode()
    assert platform_stub.registrations == [] and not Platform.objects.exists()


def test_jwks_publishes_the_public_key_only(client, db):
    keyset = client.get("/lti/jwks.json").json()
    [key] = keyset["keys"]
    assert key["kty"] == "RSA" and key["alg"] == "RS256" and key["use"] == "sig" and key["kid"]
    assert "d" not in key and "p" not in key


def test_key_rotation_keeps_the_old_key_published_for_a_while(client, db, settings):
    from django.core.management import call_command
    from django.utils import timezone
    from datetime import timedelta
    old = toolkeys.active_key()
    call_command("lti_rotate_key")
    new = toolkeys.active_key()
    assert new.kid != old.kid
    kids = [k["kid"] for k in client.get("/lti/jwks.json").json()["keys"]]
    assert set(kids) == {old.kid, new.kid}
    ToolKey.objects.filter(pk=old.pk).update(retired_at=timezone.now() - timedelta(days=8))
    assert [k["kid"] for k in client.get("/lti/jwks.json").json()["keys"]] == [new.kid]
    toolkeys.rotate()
    assert not ToolKey.objects.filter(pk=old.pk).exists()  # retention over: deleted


def test_grades_still_flow_after_a_key_rotation(client, course, platform, platform_stub):
    """The platform knows both keys (it refetched our JWKS); the assertion is signed by the new one."""
    import json
    from lti_bridge.lti import outbox
    from lti_bridge.models import ScoreOutbox
    from tests.integration.lti.conftest import handler_url
    page = platform_stub.launch(client, user="etu-r", block="answer_check.ex_somme").content.decode()
    toolkeys.rotate()
    outbox.token_client._cache.clear()
    platform_stub.learn_tool_keys()
    client.post(handler_url(page, "answer_check.ex_somme", "submit"), json.dumps({"answer": "5"}),
                content_type="application/json")
    assert outbox.deliver_due() == {ScoreOutbox.SENT: 1}
