"""The 1EdTech certification's invalid launches: each refused with a 4xx page saying why.

Every attack is checked twice: the answer (a 4xx, never a 5xx, with the reason) and the host
(no learner logged in or created, no resource link recorded).
"""
import html
import time

import pytest
from django.test import Client

from lti_bridge.lti import keys
from lti_bridge.lti.models import LinkLaunch, ResourceLink
from lti_bridge.models import Learner

from .conftest import hand_signed, rs256_by_hand

LTI = "https://purl.imsglobal.org/spec/lti/claim/"


def assert_refused(response, reason, client, status=400):
    assert 400 <= response.status_code < 500, response.status_code
    assert response.status_code == status, (response.status_code, response.content[:400])
    body = html.unescape(response.content.decode())
    assert reason.lower() in body.lower(), body[:1500]
    assert "data-lti-error" in body
    assert "jobintech_learner" not in client.session
    assert not Learner.objects.exists() and not LinkLaunch.objects.exists() and not ResourceLink.objects.exists()


def test_a_valid_forged_by_the_platform_launch_is_accepted(forger):
    """The control case: the same helper, untouched claims, is accepted (so refusals mean something)."""
    response = forger.post(forger.stub.sign(forger.claims))
    assert response.status_code == 200
    assert Learner.objects.count() == 1


def test_wrong_kid(forger):
    assert_refused(forger.post(forger.stub.sign(forger.claims, headers={"kid": "no-such-key"})),
                   "not in the platform's keyset", forger.client)


def test_no_kid(forger):
    assert_refused(forger.post(forger.stub.sign(forger.claims, headers={})), "has no 'kid'", forger.client)


def test_bad_signature(forger):
    other_key = keys.generate_private_key_pem()
    kid = keys.public_jwk(forger.stub.private_key)["kid"]
    assert_refused(forger.post(forger.stub.sign(forger.claims, key=other_key, headers={"kid": kid})),
                   "signature does not verify", forger.client)


def test_tampered_payload(forger):
    token = forger.stub.sign(forger.claims)
    header, payload, signature = token.split(".")
    evil = dict(forger.claims, sub="admin")
    forged = hand_signed({"alg": "RS256", "kid": "x"}, evil).split(".")[1]
    assert_refused(forger.post(".".join([header, forged, signature])), "signature does not verify", forger.client)


def test_alg_none(forger):
    kid = keys.public_jwk(forger.stub.private_key)["kid"]
    assert_refused(forger.post(hand_signed({"alg": "none", "kid": kid}, forger.claims)), "unsigned", forger.client)


def test_hs256_signed_with_the_platform_public_key(forger):
    kid = keys.public_jwk(forger.stub.private_key)["kid"]
    token = hand_signed({"alg": "HS256", "kid": kid, "typ": "JWT"}, forger.claims,
                        secret=forger.stub.public_key_pem.encode())
    assert_refused(forger.post(token), "only RS256", forger.client)


def test_expired(forger):
    claims = dict(forger.claims, iat=int(time.time()) - 3600, exp=int(time.time()) - 600)
    assert_refused(forger.post(forger.stub.sign(claims)), "expired", forger.client)


def test_no_exp(forger):
    claims = dict(forger.claims)
    del claims["exp"]
    assert_refused(forger.post(forger.stub.sign(claims)), "'exp'", forger.client)


def test_iat_in_the_future(forger):
    claims = dict(forger.claims, iat=int(time.time()) + 3600, exp=int(time.time()) + 7200)
    assert_refused(forger.post(forger.stub.sign(claims)), "issued in the future", forger.client)


def test_wrong_aud(forger):
    claims = dict(forger.claims, aud="someone-else", azp="someone-else")
    assert_refused(forger.post(forger.stub.sign(claims)), "does not contain a client id", forger.client, status=403)


def test_multiple_aud_without_azp(forger):
    claims = dict(forger.claims, aud=[forger.stub.client_id, "another-tool"])
    del claims["azp"]
    assert_refused(forger.post(forger.stub.sign(claims)), "no 'azp'", forger.client)


def test_azp_not_our_client_id(forger):
    claims = dict(forger.claims, aud=[forger.stub.client_id, "another-tool"], azp="another-tool")
    assert_refused(forger.post(forger.stub.sign(claims)), "is not our client id", forger.client)


def test_unregistered_issuer(forger):
    claims = dict(forger.claims, iss="https://evil.example")
    assert_refused(forger.post(forger.stub.sign(claims)), "is not registered", forger.client, status=403)


def test_bad_nonce(forger):
    claims = dict(forger.claims, nonce="not-the-nonce-we-issued")
    assert_refused(forger.post(forger.stub.sign(claims)), "nonce is not the one issued", forger.client)


def test_reused_nonce(forger):
    token = forger.stub.sign(forger.claims)
    assert forger.post(token).status_code == 200
    Learner.objects.all().delete()  # the first, legitimate launch is not what is checked
    ResourceLink.objects.all().delete()
    forger.client.session.flush()
    response = forger.post(token)
    assert_refused(response, "already used", forger.client)


def test_nonce_of_an_earlier_login_replayed_in_a_new_one(forger, client):
    token = forger.stub.sign(forger.claims)
    assert forger.post(token).status_code == 200
    Learner.objects.all().delete()
    ResourceLink.objects.all().delete()
    forger.client.session.flush()
    auth, _ = forger.stub.authorize(client)  # a fresh login: new state, new nonce
    assert_refused(forger.post(token, state=auth["state"]), "nonce is not the one issued", client)


def test_state_from_another_browser(forger):
    other_browser = Client()
    other_browser.cookies["jobintech_language"] = "en"
    assert_refused(forger.post(forger.stub.sign(forger.claims), client=other_browser),
                   "state cookie is missing", other_browser)


def test_state_cookie_tampered(forger):
    forger.client.cookies["lti1p3_state_" + forger.auth["state"]] = "guessed-secret"
    assert_refused(forger.post(forger.stub.sign(forger.claims)), "does not belong to this browser",
                   forger.client, status=403)


def test_unknown_state(forger):
    assert_refused(forger.post(forger.stub.sign(forger.claims), state="state-made-up"), "unknown or expired",
                   forger.client)


def test_unknown_deployment(forger):
    claims = dict(forger.claims, **{LTI + "deployment_id": "dep-not-registered"})
    assert_refused(forger.post(forger.stub.sign(claims)), "deployment dep-not-registered is not registered",
                   forger.client, status=403)


def test_missing_version(forger):
    claims = dict(forger.claims)
    del claims[LTI + "version"]
    assert_refused(forger.post(forger.stub.sign(claims)), "no LTI version", forger.client)


def test_invalid_version(forger):
    claims = dict(forger.claims, **{LTI + "version": "1.1"})
    assert_refused(forger.post(forger.stub.sign(claims)), "version 1.1", forger.client)


def test_unknown_message_type(forger):
    claims = dict(forger.claims, **{LTI + "message_type": "LtiSubmissionReviewRequest"})
    assert_refused(forger.post(forger.stub.sign(claims)), "LtiSubmissionReviewRequest is not supported", forger.client)


@pytest.mark.parametrize("claim, reason", [
    (LTI + "roles", "no roles claim"),
    (LTI + "resource_link", "no resource_link claim"),
    ("sub", "no 'sub' claim"),
])
def test_missing_required_claim(forger, claim, reason):
    claims = dict(forger.claims)
    del claims[claim]
    assert_refused(forger.post(forger.stub.sign(claims)), reason, forger.client)


def test_resource_link_without_id(forger):
    claims = dict(forger.claims, **{LTI + "resource_link": {"title": "x"}})
    assert_refused(forger.post(forger.stub.sign(claims)), "no resource_link claim", forger.client)


@pytest.mark.parametrize("token", ["", "garbage", "a.b.c", "e30.e30.", "x" * 5000])
def test_malformed_tokens(forger, token):
    response = forger.post(token) if token else forger.client.post("/lti/launch", {"state": forger.auth["state"]})
    assert 400 <= response.status_code < 500
    assert "data-lti-error" in response.content.decode()
    assert not Learner.objects.exists()


def test_launch_only_accepts_post(forger):
    assert forger.client.get("/lti/launch").status_code == 405


def test_inactive_platform(forger, platform):
    platform.is_active = False
    platform.save()
    assert_refused(forger.post(forger.stub.sign(forger.claims)), "not yet activated", forger.client, status=403)


@pytest.mark.parametrize("target", ["http://127.0.0.1:{port}/.well-known/openid-configuration",
                                    "https://169.254.169.254/latest/meta-data/", "https://localhost/x"])
def test_dynamic_registration_cannot_be_pointed_at_the_bridge_host(client, db, platform_stub, target, settings):
    """SSRF: /lti/register is open to anyone; it must not call local or link-local services."""
    from urllib.parse import quote
    from lti_bridge.models import Platform
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = target.format(port=platform_stub.port)
    response = client.get("/lti/register?openid_configuration=" + quote(url, safe=""))
    assert response.status_code == 400 and "local to the bridge" in html.unescape(response.content.decode())
    assert platform_stub.registrations == [] and not Platform.objects.filter(kind="lti").exists()


ODD_VALUES = [12345, ["x"], {"a": 1}, "x" * 5000, True]


def test_claims_of_the_wrong_type_never_cause_a_server_error(client, course, platform, platform_stub):
    """A signed launch (so it passes the signature) with each claim replaced by odd values."""
    auth, _ = platform_stub.authorize(client)
    base, _ = platform_stub.claims_for(auth, block="answer_check.ex_somme")
    statuses = {}
    for claim in sorted(set(base) - {"nonce"}):
        for value in ODD_VALUES:
            auth, _ = platform_stub.authorize(client)
            claims = dict(base, nonce=auth["nonce"], **{claim: value})
            header = {"alg": "RS256", "kid": keys.public_jwk(platform_stub.private_key)["kid"]}
            token = rs256_by_hand(header, claims, platform_stub.private_key)
            response = client.post("/lti/launch", {"id_token": token, "state": auth["state"]}, follow=True)
            statuses[(claim, repr(value)[:20])] = response.status_code
    assert all(code < 500 for code in statuses.values()), {k: v for k, v in statuses.items() if v >= 500}
    # and the checks bite: a non-string sub, a non-list roles, a foreign version are all refused
    assert statuses[("sub", "12345")] == 400 and statuses[(LTI + "roles", "12345")] == 400
    assert statuses[(LTI + "version", "12345")] == 400
    # the control: hand signing is sound, an odd value in an optional claim is accepted
    assert statuses[("name", "12345")] == 200 and statuses[("email", "['x']")] == 200


def test_platform_registered_with_a_pem_key(client, course, db, platform_stub):
    platform_stub.register_with_tool(keyset_url="", public_key=platform_stub.public_key_pem)
    assert platform_stub.launch(client, block="answer_check.ex_somme").status_code == 200
    forger_key = keys.generate_private_key_pem()
    auth, _ = platform_stub.authorize(client)
    claims, data = platform_stub.claims_for(auth, block="answer_check.ex_somme")
    response = client.post("/lti/launch", {"id_token": platform_stub.sign(claims, key=forger_key), "state": data["state"]})
    assert response.status_code == 400
