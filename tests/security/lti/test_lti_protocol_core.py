"""The protocol core tested alone: no database, no Django views, tokens signed with PyJWT."""
import time
from types import SimpleNamespace

import jwt
import pytest

from lti_bridge.lti import ags, claims as c, keys, oidc
from lti_bridge.lti.errors import LtiError
from lti_bridge.lti.validation import Resolver, validate_launch

PLATFORM_KEY = keys.generate_private_key_pem()
KID = keys.public_jwk(PLATFORM_KEY)["kid"]


class MemoryResolver(Resolver):
    def __init__(self):
        self.reg = SimpleNamespace(issuer="https://lms.example", client_id="tool-1", is_active=True)
        self.deployments = {"d1"}
        self.used = set()

    def issuer_known(self, issuer):
        return issuer == self.reg.issuer

    def registration(self, issuer, client_ids):
        return self.reg if issuer == self.reg.issuer and self.reg.client_id in client_ids else None

    def public_key(self, registration, kid):
        return keys.load_public_key(PLATFORM_KEY) if kid == KID else None

    def deployment_active(self, registration, deployment_id):
        return deployment_id in self.deployments

    def consume_nonce(self, registration, nonce):
        if nonce in self.used:
            return False
        self.used.add(nonce)
        return True


def claims(**changes):
    now = int(time.time())
    base = {
        "iss": "https://lms.example", "aud": "tool-1", "sub": "u1", "iat": now, "exp": now + 300, "nonce": "n1",
        c.MESSAGE_TYPE: c.RESOURCE_LINK_REQUEST, c.VERSION: "1.3.0", c.DEPLOYMENT_ID: "d1",
        c.TARGET_LINK_URI: "https://tool.example/lti/launch", c.ROLES: [], c.RESOURCE_LINK: {"id": "rl1"},
    }
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


def token(payload, headers=None):
    return jwt.encode(payload, PLATFORM_KEY, algorithm="RS256", headers={"kid": KID} if headers is None else headers)


def test_valid_launch_and_its_accessors():
    launch = validate_launch(token(claims(**{c.ROLES: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"],
                                             c.CUSTOM: {"block": "x"}})), MemoryResolver(), "n1")
    assert launch.sub == "u1" and launch.is_instructor and launch.custom == {"block": "x"}
    assert launch.deployment_id == "d1" and launch.resource_link == {"id": "rl1"}


def test_aud_list_with_matching_azp_is_accepted():
    validate_launch(token(claims(aud=["tool-1", "other"], azp="tool-1")), MemoryResolver(), "n1")


def test_clock_skew_within_leeway_is_tolerated_beyond_is_not():
    now = int(time.time())
    validate_launch(token(claims(iat=now + 30)), MemoryResolver(), "n1")
    with pytest.raises(LtiError, match="future"):
        validate_launch(token(claims(iat=now + 120, exp=now + 600)), MemoryResolver(), "n1")


def test_nonce_is_single_use():
    resolver = MemoryResolver()
    validate_launch(token(claims()), resolver, "n1")
    with pytest.raises(LtiError, match="already used"):
        validate_launch(token(claims()), resolver, "n1")


def test_a_refused_launch_does_not_burn_the_nonce():
    resolver = MemoryResolver()
    with pytest.raises(LtiError, match="deployment"):
        validate_launch(token(claims(**{c.DEPLOYMENT_ID: "zz"})), resolver, "n1")
    assert resolver.used == set()


def test_no_expected_nonce_refuses():
    with pytest.raises(LtiError, match="nonce"):
        validate_launch(token(claims()), MemoryResolver(), "")


@pytest.mark.parametrize("change, reason", [
    ({c.DL_SETTINGS: None, c.MESSAGE_TYPE: c.DEEP_LINKING_REQUEST}, "deep_linking_settings"),
    ({c.TARGET_LINK_URI: None}, "target_link_uri"),
    ({"sub": ""}, "'sub'"),
    ({c.ROLES: "Instructor"}, "roles"),
    ({"nonce": None}, "'nonce'"),
    ({"aud": []}, "'aud'"),
    ({"iss": None}, "'iss'"),
])
def test_claim_problems(change, reason):
    with pytest.raises(LtiError, match=reason):
        validate_launch(token(claims(**change)), MemoryResolver(), "n1")


def test_error_messages_translate_with_their_parameters():
    error = LtiError("The key %(kid)s is unknown.", kid="k1")
    assert str(error) == "The key k1 is unknown."
    assert error.translated(lambda m: m.replace("The key", "La clé").replace("is unknown", "est inconnue")) == \
        "La clé k1 est inconnue."
    assert error.translated(lambda m: "broken %(nope)s") == "The key k1 is unknown."


@pytest.mark.parametrize("url, ok", [
    ("https://lms.example/jwks", True), ("http://127.0.0.1:8000/jwks", True), ("http://localhost/x", True),
    ("http://[::1]:9/x", True), ("http://lms.example/jwks", False), ("file:///etc/passwd", False),
    ("ftp://lms.example/x", False), ("https:///nohost", False), ("", False),
])
def test_only_https_or_loopback_urls_are_fetched(url, ok):
    if ok:
        assert keys.check_fetchable_url(url, "keyset") == url
    else:
        with pytest.raises(LtiError, match="must use https://"):
            keys.check_fetchable_url(url, "keyset")


def test_login_refuses_an_open_redirect_and_names_missing_parameters():
    params = {"iss": "https://lms.example", "login_hint": "u", "target_link_uri": "https://evil.example/steal"}
    with pytest.raises(LtiError, match="not a page of this tool"):
        oidc.parse_login(params, "https://tool.example")
    with pytest.raises(LtiError, match="'login_hint'"):
        oidc.parse_login({"iss": "x", "target_link_uri": "https://tool.example/"}, "https://tool.example")


def test_authorization_url_keeps_the_platform_query():
    login = oidc.LoginRequest("iss", "hint", "https://tool/lti/launch", lti_message_hint="m")
    url = oidc.authorization_url("https://lms/auth?id=3", login, "c", "https://tool/lti/launch", "s", "n")
    assert url.startswith("https://lms/auth?id=3&scope=openid&") and "lti_message_hint=m" in url


def test_backoff_grows_exponentially_and_is_capped():
    assert [ags.backoff_seconds(n) for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert ags.backoff_seconds(50) == 6 * 3600


def test_scores_url_appends_to_the_path_and_keeps_the_query():
    assert ags.scores_url("https://lms/api/lineitems/7?type_id=3") == "https://lms/api/lineitems/7/scores?type_id=3"


def test_client_assertion_is_rfc7523():
    pem = keys.generate_private_key_pem()
    assertion = ags.client_assertion("tool-1", "https://lms/token", "", pem, "k1")
    decoded = jwt.decode(assertion, keys.load_public_key(pem), algorithms=["RS256"], audience="https://lms/token")
    assert decoded["iss"] == decoded["sub"] == "tool-1" and decoded["jti"] and decoded["exp"] > decoded["iat"]
    assert jwt.get_unverified_header(assertion)["kid"] == "k1"


def test_public_jwk_kid_is_the_rfc7638_thumbprint():
    # RFC 7638 section 3.1's example key and thumbprint.
    n = ("0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMs"
         "tn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n"
         "91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw")
    from jwt.algorithms import RSAAlgorithm
    from cryptography.hazmat.primitives import serialization
    public = RSAAlgorithm.from_jwk({"kty": "RSA", "n": n, "e": "AQAB"})
    pem = public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    assert keys.public_jwk(pem)["kid"] == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"


def test_instructor_roles():
    assert c.is_instructor(["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"])
    assert c.is_instructor(["Instructor"])
    assert not c.is_instructor(["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", "Learner"])
    assert not c.is_instructor(None)
