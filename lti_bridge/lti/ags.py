"""Assignment and Grade Services 2.0 client, with OAuth2 client-credentials tokens (RFC 7523).

The tool proves who it is with a JWT signed by its own key (client_assertion); the platform
answers with a bearer token for the scopes asked. Tokens are cached until shortly before they
expire. Failures raise AgsError with `retryable` telling the outbox whether to try again later.
"""
import json
import secrets
import threading
import time
from datetime import datetime, timezone
from urllib.parse import urlparse, urlunparse

import jwt
import requests

from . import claims as c
from .keys import check_fetchable_url

HTTP_TIMEOUT = 15
LINEITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json"
LINEITEMS_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json"
SCORE_TYPE = "application/vnd.ims.lis.v1.score+json"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


class AgsError(Exception):
    """A service call that failed; retryable for network errors, 5xx, 429 and 401 (new token)."""

    def __init__(self, message, retryable=True):
        super().__init__(message)
        self.retryable = retryable


def backoff_seconds(attempts, base=30, cap=6 * 3600):
    """Delay before the next try after *attempts* failed ones: 30 s, 1 min, 2 min ... capped at 6 h."""
    return min(cap, base * (2 ** max(0, attempts - 1)))


def client_assertion(client_id, token_url, audience, private_key_pem, kid, now=None):
    """The signed JWT the tool authenticates with at the platform's token endpoint."""
    now = int(time.time() if now is None else now)
    payload = {"iss": client_id, "sub": client_id, "aud": audience or token_url,
               "iat": now, "exp": now + 300, "jti": secrets.token_urlsafe(16)}
    return jwt.encode(payload, private_key_pem, algorithm="RS256", headers={"kid": kid})


class TokenClient:
    """Fetches and caches access tokens per (token URL, client id, scopes)."""

    def __init__(self, session=None):
        self.session = session or requests.Session()
        self._cache = {}
        self._lock = threading.Lock()

    def token(self, token_url, client_id, audience, private_key_pem, kid, scopes):
        key = (token_url, client_id, " ".join(sorted(scopes)))
        with self._lock:
            cached = self._cache.get(key)
            if cached and cached[1] > time.time() + 30:
                return cached[0]
        check_url(token_url)
        data = {
            "grant_type": "client_credentials",
            "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": client_assertion(client_id, token_url, audience, private_key_pem, kid),
            "scope": " ".join(sorted(scopes)),
        }
        try:
            response = self.session.post(token_url, data=data, timeout=HTTP_TIMEOUT)
        except requests.RequestException as exc:
            raise AgsError(f"token endpoint {token_url} unreachable: {type(exc).__name__}") from None
        if response.status_code != 200:
            raise AgsError(f"token endpoint {token_url} answered HTTP {response.status_code}: "
                           f"{response.text[:200]}", retryable=response.status_code >= 500 or response.status_code == 429)
        try:
            body = response.json()
            access_token = body["access_token"]
            expires_in = int(body.get("expires_in", 3600))
        except (ValueError, KeyError, TypeError):
            raise AgsError(f"token endpoint {token_url} answered without an access_token") from None
        with self._lock:
            self._cache[key] = (access_token, time.time() + expires_in)
        return access_token

    def forget(self, token_url, client_id, scopes):
        with self._lock:
            self._cache.pop((token_url, client_id, " ".join(sorted(scopes))), None)


def check_url(url):
    try:
        check_fetchable_url(url, "service")
    except Exception as exc:
        raise AgsError(str(exc), retryable=False) from None


def scores_url(lineitem_url):
    """The scores endpoint: the line item URL with '/scores' appended to its path (query kept)."""
    parsed = urlparse(lineitem_url)
    return urlunparse(parsed._replace(path=parsed.path.rstrip("/") + "/scores"))


def iso_timestamp(moment=None):
    moment = moment or datetime.now(timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def score_payload(user_id, score_given, score_maximum, timestamp=None, comment=""):
    payload = {
        "userId": user_id,
        "scoreGiven": max(0.0, float(score_given)),
        "scoreMaximum": float(score_maximum),
        "activityProgress": "Completed",
        "gradingProgress": "FullyGraded",
        "timestamp": timestamp or iso_timestamp(),
    }
    if comment:
        payload["comment"] = comment
    return payload


class AgsClient:
    """Line items and scores for one platform registration."""

    def __init__(self, session, get_token):
        self.session = session
        self.get_token = get_token  # get_token(scopes) -> bearer token

    def _call(self, method, url, scopes, accept=None, content_type=None, json_body=None, params=None):
        check_url(url)
        headers = {"Authorization": f"Bearer {self.get_token(scopes)}"}
        if accept:
            headers["Accept"] = accept
        if content_type:
            headers["Content-Type"] = content_type
        try:
            response = self.session.request(method, url, headers=headers, timeout=HTTP_TIMEOUT,
                                            data=None if json_body is None else _dumps(json_body),
                                            params=params)
        except requests.RequestException as exc:
            raise AgsError(f"{method} {url} failed: {type(exc).__name__}") from None
        if response.status_code >= 300:
            retryable = response.status_code >= 500 or response.status_code in (401, 408, 429)
            raise AgsError(f"{method} {url} answered HTTP {response.status_code}: {response.text[:200]}",
                           retryable=retryable)
        return response

    def post_score(self, lineitem_url, payload):
        self._call("POST", scores_url(lineitem_url), [c.SCOPE_SCORE], content_type=SCORE_TYPE, json_body=payload)

    def find_lineitem(self, lineitems_url, resource_id, resource_link_id=None):
        params = {"resource_id": resource_id}
        if resource_link_id:
            params["resource_link_id"] = resource_link_id
        response = self._call("GET", lineitems_url, [c.SCOPE_LINEITEM], accept=LINEITEMS_TYPE, params=params)
        try:
            items = response.json()
        except ValueError:
            raise AgsError(f"GET {lineitems_url} did not answer JSON") from None
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and item.get("resourceId") == resource_id and item.get("id"):
                return item["id"]
        return None

    def create_lineitem(self, lineitems_url, label, score_maximum, resource_id, resource_link_id=None):
        body = {"scoreMaximum": float(score_maximum), "label": label, "resourceId": resource_id,
                "tag": "jobintech"}
        if resource_link_id:
            body["resourceLinkId"] = resource_link_id
        response = self._call("POST", lineitems_url, [c.SCOPE_LINEITEM], accept=LINEITEM_TYPE,
                              content_type=LINEITEM_TYPE, json_body=body)
        try:
            item_id = response.json()["id"]
        except (ValueError, KeyError, TypeError):
            raise AgsError(f"POST {lineitems_url} answered without a line item id") from None
        return item_id


def _dumps(body):
    return json.dumps(body)
