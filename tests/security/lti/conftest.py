"""Fixtures of the LTI attack tests: the independent stub platform, registered with the tool."""
import base64
import hashlib
import hmac
import json

import pytest

# The same course, stub platform and registration as the integration tests.
from tests.integration.lti.conftest import _no_sender_thread, course, platform, platform_stub  # noqa: F401


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def hand_signed(header, claims, secret=b""):
    """A JWT built by hand (PyJWT refuses to forge 'none' or HS256-with-a-public-key tokens)."""
    signing_input = _b64(json.dumps(header).encode()) + "." + _b64(json.dumps(claims).encode())
    if header.get("alg") == "HS256":
        signature = _b64(hmac.new(secret, signing_input.encode(), hashlib.sha256).digest())
    else:
        signature = ""
    return signing_input + "." + signature


def rs256_by_hand(header, claims, private_pem):
    """An RS256 JWT signed without PyJWT's checks on the claims (it refuses a non-string iss)."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding
    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    signing_input = _b64(json.dumps(header).encode()) + "." + _b64(json.dumps(claims).encode())
    return signing_input + "." + _b64(key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256()))


class Forger:
    """Logs a browser in through the real login endpoint, then posts forged id_tokens."""

    def __init__(self, client, stub):
        self.client, self.stub = client, stub
        self.auth, _ = stub.authorize(client)
        self.claims, self.data = stub.claims_for(self.auth, block="answer_check.ex_somme")

    def post(self, token, state=None, client=None):
        return (client or self.client).post("/lti/launch", {"id_token": token, "state": state or self.auth["state"]},
                                            follow=True)


@pytest.fixture
def forger(client, course, platform, platform_stub, settings):
    # Reasons are checked in English; the translations are checked apart.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return Forger(client, platform_stub)
