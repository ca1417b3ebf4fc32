"""Third-party initiated login (OIDC), the first leg of every LTI 1.3 launch.

The platform calls our initiate-login URI (GET or POST) with iss, login_hint, target_link_uri and
optionally client_id, lti_message_hint, lti_deployment_id, lti_storage_target. We answer with a
redirect to the platform's authorization endpoint, carrying a fresh state (bound to this browser
by a cookie, or by the platform's postMessage storage) and a fresh nonce (bound to the state).
"""
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlparse, urlunparse

from .errors import LtiError, gettext_noop as _

STATE_COOKIE_PREFIX = "lti1p3_state_"
STATE_MAX_AGE = 600  # seconds a login may take before its launch comes back


@dataclass
class LoginRequest:
    issuer: str
    login_hint: str
    target_link_uri: str
    client_id: str = ""
    lti_message_hint: str = ""
    deployment_id: str = ""
    storage_target: str = ""


def parse_login(params, our_origin):
    """A LoginRequest from the GET or POST *params*; LtiError naming a missing parameter.

    *our_origin* ('https://bridge.example') guards against open redirects: the platform may only
    send the browser back to one of our own pages.
    """
    def required(name):
        value = params.get(name)
        if not value:
            raise LtiError(_("The login request has no '%(param)s' parameter."), param=name)
        return value

    request = LoginRequest(
        issuer=required("iss"), login_hint=required("login_hint"),
        target_link_uri=required("target_link_uri"), client_id=params.get("client_id", ""),
        lti_message_hint=params.get("lti_message_hint", ""),
        deployment_id=params.get("lti_deployment_id", ""),
        storage_target=params.get("lti_storage_target", ""),
    )
    target = urlparse(request.target_link_uri)
    if f"{target.scheme}://{target.netloc}" != our_origin.rstrip("/"):
        raise LtiError(_("The target_link_uri %(url)s is not a page of this tool (%(origin)s)."),
                       url=request.target_link_uri, origin=our_origin)
    return request


def new_state():
    return "state-" + secrets.token_urlsafe(24)


def new_nonce():
    return secrets.token_urlsafe(24)


def authorization_url(auth_login_url, login, client_id, redirect_uri, state, nonce):
    """The platform's authorization endpoint with the OIDC authentication request parameters."""
    params = {
        "scope": "openid",
        "response_type": "id_token",
        "response_mode": "form_post",
        "prompt": "none",
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "login_hint": login.login_hint,
        "state": state,
        "nonce": nonce,
    }
    if login.lti_message_hint:
        params["lti_message_hint"] = login.lti_message_hint
    parsed = urlparse(auth_login_url)
    query = parse_qsl(parsed.query, keep_blank_values=True) + list(params.items())
    return urlunparse(parsed._replace(query=urlencode(query)))
