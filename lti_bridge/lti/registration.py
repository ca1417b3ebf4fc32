"""The tool's configuration (what an LMS administrator types in) and LTI Dynamic Registration.

Dynamic Registration (1EdTech, 1.0): the LMS opens our registration page with
?openid_configuration=URL&registration_token=TOKEN; we read the platform's OpenID configuration,
POST our client registration to its registration endpoint, and store what it answers (client id,
deployment id). The platform is stored inactive until the bridge administrator activates it,
unless the operator chose to auto-activate.
"""
import ipaddress
import logging
import socket
from dataclasses import dataclass
from urllib.parse import urlparse

import requests

from . import claims as c
from .errors import LtiError, gettext_noop as _
from .keys import HTTP_TIMEOUT, check_fetchable_url, fetch_json

log = logging.getLogger(__name__)
TOOL_NAME = "JobInTech Bootcamp"
PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration"
TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration"
PATHS = {
    "initiate_login_uri": "/lti/login",
    "target_link_uri": "/lti/launch",
    "jwks_uri": "/lti/jwks.json",
    "dynamic_registration_url": "/lti/register",
    "deep_linking_uri": "/lti/launch",
}


def tool_config(base_url):
    """The URLs an LMS needs, named as in 1EdTech Dynamic Registration."""
    base = base_url.rstrip("/")
    parsed = urlparse(base)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise LtiError(_("The base URL %(url)s is not an absolute http(s) URL such as "
                       "https://bridge.example.ma."), url=base_url)
    return {
        "initiate_login_uri": base + PATHS["initiate_login_uri"],
        "target_link_uri": base + PATHS["target_link_uri"],
        "redirect_uris": [base + PATHS["target_link_uri"]],
        "jwks_uri": base + PATHS["jwks_uri"],
        "dynamic_registration_url": base + PATHS["dynamic_registration_url"],
    }


@dataclass
class PlatformConfiguration:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    registration_endpoint: str
    token_audience: str
    product: str


def check_registration_host(url, allow_local):
    """Refuse registration URLs on this machine or link-local addresses (cloud metadata).

    /lti/register is open to anyone (the LMS administrator's browser calls it), so it must not
    let a stranger make the bridge call its own local services. Private campus addresses stay
    allowed: Moodle often sits on the same internal network as the bridge.
    """
    check_fetchable_url(url, "OpenID configuration")
    if allow_local:
        return
    host = urlparse(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except OSError:
        raise LtiError(_("The host of %(url)s cannot be resolved."), url=url) from None
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if ip.is_loopback or ip.is_link_local or ip.is_unspecified or ip.is_multicast:
            raise LtiError(_("Dynamic registration from %(url)s is refused: the address is local to the "
                             "bridge. Register a local LMS with `jobintech lti add-platform`."), url=url)


def read_openid_configuration(url, registration_token="", session=None, allow_local=False):
    """The platform's OpenID configuration at *url*, checked for what LTI needs."""
    check_registration_host(url, allow_local)
    http = session or requests.Session()
    if registration_token:
        http.headers["Authorization"] = f"Bearer {registration_token}"
    config = fetch_json(url, "OpenID configuration", session=http)
    if not isinstance(config, dict):
        raise LtiError(_("The platform's OpenID configuration is not a JSON object."), status=502)
    missing = [name for name in ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri",
                                 "registration_endpoint") if not config.get(name)]
    if missing:
        raise LtiError(_("The platform's OpenID configuration lacks %(fields)s."), status=502,
                       fields=", ".join(missing))
    issuer = str(config["issuer"])
    # The configuration must come from the issuer's own host, or anyone could register as it.
    if urlparse(issuer).hostname != urlparse(url).hostname:
        raise LtiError(_("The OpenID configuration at %(url)s claims the issuer %(iss)s of another host."),
                       url=url, iss=issuer)
    for name in ("authorization_endpoint", "token_endpoint", "jwks_uri", "registration_endpoint"):
        check_fetchable_url(str(config[name]), name)
    check_registration_host(str(config["registration_endpoint"]), allow_local)
    platform = config.get(PLATFORM_CONFIGURATION) or {}
    return PlatformConfiguration(
        issuer=issuer, authorization_endpoint=str(config["authorization_endpoint"]),
        token_endpoint=str(config["token_endpoint"]), jwks_uri=str(config["jwks_uri"]),
        registration_endpoint=str(config["registration_endpoint"]),
        token_audience=str(config.get("authorization_server") or ""),
        product=str(platform.get("product_family_code") or "") if isinstance(platform, dict) else "",
    )


def client_registration(base_url, logo_url=""):
    """The client registration we POST: an LTI tool with deep linking, AGS and NRPS."""
    config = tool_config(base_url)
    body = {
        "application_type": "web",
        "response_types": ["id_token"],
        "grant_types": ["implicit", "client_credentials"],
        "initiate_login_uri": config["initiate_login_uri"],
        "redirect_uris": config["redirect_uris"],
        "client_name": TOOL_NAME,
        "jwks_uri": config["jwks_uri"],
        "token_endpoint_auth_method": "private_key_jwt",
        "scope": " ".join(c.TOOL_SCOPES),
        TOOL_CONFIGURATION: {
            "domain": urlparse(base_url).netloc,
            "target_link_uri": config["target_link_uri"],
            "description": "Modules, exercices de code auto-corrigés et quiz JobInTech.",
            "claims": ["iss", "sub", "name", "given_name", "family_name", "email", "locale"],
            "messages": [
                {"type": c.DEEP_LINKING_REQUEST, "target_link_uri": config["target_link_uri"],
                 "label": TOOL_NAME, "placements": ["ContentArea"]},
                {"type": c.RESOURCE_LINK_REQUEST},
            ],
        },
    }
    if logo_url:
        body["logo_uri"] = logo_url
    return body


def register_client(platform_config, base_url, registration_token="", session=None):
    """POST our registration; (client_id, deployment_id) from the platform's answer."""
    http = session or requests.Session()
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if registration_token:
        headers["Authorization"] = f"Bearer {registration_token}"
    try:
        response = http.post(platform_config.registration_endpoint, json=client_registration(base_url),
                             headers=headers, timeout=HTTP_TIMEOUT)
    except requests.RequestException as exc:
        raise LtiError(_("Could not reach the platform's registration endpoint: %(error)s"), status=502,
                       error=type(exc).__name__) from None
    if response.status_code not in (200, 201):
        # The body is logged, never shown: the page must not echo what another host answered.
        log.warning("registration at %s refused: HTTP %s %s", platform_config.registration_endpoint,
                    response.status_code, response.text[:500])
        raise LtiError(_("The platform refused the registration (HTTP %(code)s); the bridge's log has "
                         "its answer."), status=502, code=response.status_code)
    try:
        answer = response.json()
        client_id = str(answer["client_id"])
    except (ValueError, KeyError, TypeError):
        raise LtiError(_("The platform's registration answer has no client_id."), status=502) from None
    tool = answer.get(TOOL_CONFIGURATION) if isinstance(answer, dict) else None
    deployment_id = str(tool.get("deployment_id") or "") if isinstance(tool, dict) else ""
    return client_id, deployment_id
