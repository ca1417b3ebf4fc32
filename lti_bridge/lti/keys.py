"""RSA keys: the tool's own signing keys (as JWK sets) and the platforms' public keys.

Key ids are RFC 7638 thumbprints, so the same key always has the same kid wherever it is
published. Platform keysets are fetched over HTTPS only; plain http is accepted for loopback
addresses so that development and tests can run a platform on 127.0.0.1.
"""
import base64
import hashlib
import ipaddress
import json
from urllib.parse import urlparse

import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from .errors import LtiError, gettext_noop as _

KEYSET_MAX_BYTES = 256 * 1024
HTTP_TIMEOUT = 10


def _b64(number):
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def generate_private_key_pem(bits=2048):
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")


def load_public_key(pem):
    """An RSA public key from a PEM public key, certificate-less; LtiError if it is not one."""
    data = pem.encode("ascii") if isinstance(pem, str) else pem
    try:
        if b"PRIVATE KEY" in data:
            key = serialization.load_pem_private_key(data, password=None).public_key()
        else:
            key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError):
        raise LtiError(_("The public key is not a PEM-encoded key. Paste the whole "
                         "'-----BEGIN PUBLIC KEY-----' block.")) from None
    if not isinstance(key, rsa.RSAPublicKey):
        raise LtiError(_("The public key is not an RSA key; LTI 1.3 signs with RS256."))
    return key


def public_jwk(pem):
    """The public JWK (with kid, alg RS256, use sig) of a PEM private or public key."""
    numbers = load_public_key(pem).public_numbers()
    jwk = {"kty": "RSA", "e": _b64(numbers.e), "n": _b64(numbers.n)}
    # RFC 7638: thumbprint over the required members, in lexicographic order, no spaces.
    canonical = json.dumps(jwk, sort_keys=True, separators=(",", ":")).encode("ascii")
    jwk["kid"] = base64.urlsafe_b64encode(hashlib.sha256(canonical).digest()).rstrip(b"=").decode("ascii")
    jwk.update({"alg": "RS256", "use": "sig"})
    return jwk


def key_from_jwk(jwk):
    """The RSA public key of one JWK; LtiError naming the kid when the JWK is unusable."""
    if not isinstance(jwk, dict) or jwk.get("kty") != "RSA":
        raise LtiError(_("Key %(kid)s of the platform's keyset is not an RSA key."),
                       kid=str(jwk.get("kid") if isinstance(jwk, dict) else "?"))
    try:
        return RSAAlgorithm.from_jwk(jwk)
    except Exception:  # PyJWT raises several types for malformed members
        raise LtiError(_("Key %(kid)s of the platform's keyset is malformed."), kid=str(jwk.get("kid"))) from None


def is_loopback_url(url):
    host = urlparse(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_fetchable_url(url, what):
    """Refuse URLs we must not fetch: anything but https, except http on loopback."""
    parsed = urlparse(url or "")
    if parsed.scheme == "https" and parsed.hostname:
        return url
    if parsed.scheme == "http" and is_loopback_url(url):
        return url
    raise LtiError(_("The %(what)s URL %(url)s must use https:// (plain http is only allowed "
                     "for 127.0.0.1 and localhost)."), what=what, url=str(url))


def fetch_json(url, what, session=None):
    """GET a JSON document from a platform, size-limited, with a clear error on every failure."""
    check_fetchable_url(url, what)
    http = session or requests
    try:
        response = http.get(url, timeout=HTTP_TIMEOUT, headers={"Accept": "application/json"},
                            stream=True, allow_redirects=False)
        body = response.raw.read(KEYSET_MAX_BYTES + 1, decode_content=True)
    except requests.RequestException as exc:
        raise LtiError(_("Could not reach the platform's %(what)s at %(url)s: %(error)s"),
                       status=502, what=what, url=url, error=type(exc).__name__) from None
    if response.status_code != 200:
        raise LtiError(_("The platform's %(what)s at %(url)s answered HTTP %(code)s."),
                       status=502, what=what, url=url, code=response.status_code)
    if len(body) > KEYSET_MAX_BYTES:
        raise LtiError(_("The platform's %(what)s at %(url)s is too large."), status=502, what=what, url=url)
    try:
        return json.loads(body)
    except ValueError:
        raise LtiError(_("The platform's %(what)s at %(url)s is not JSON."), status=502, what=what, url=url) from None


def fetch_keyset(url, session=None):
    """The platform's JWK set as a dict {'keys': [...]}, validated for shape."""
    keyset = fetch_json(url, "keyset", session=session)
    if not isinstance(keyset, dict) or not isinstance(keyset.get("keys"), list):
        raise LtiError(_("The platform's keyset at %(url)s has no 'keys' list."), status=502, url=url)
    return keyset


def find_key(keyset, kid):
    """The public key with *kid* in *keyset*, or None."""
    for jwk in (keyset or {}).get("keys", []):
        if isinstance(jwk, dict) and jwk.get("kid") == kid:
            return key_from_jwk(jwk)
    return None
