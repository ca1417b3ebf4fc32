"""Deep Linking 2.0: the signed response that places our content in the platform's course."""
import secrets
import time

import jwt

from . import claims as c


def resource_link_item(url, title, usage_id, text="", score_maximum=None, label=None):
    """An ltiResourceLink content item for *usage_id*; graded items carry a lineItem."""
    item = {
        "type": "ltiResourceLink",
        "title": title,
        "url": url,
        "custom": {"block": usage_id},
    }
    if text:
        item["text"] = text
    if score_maximum:
        item["lineItem"] = {"scoreMaximum": float(score_maximum), "label": label or title,
                            "resourceId": usage_id, "tag": "jobintech"}
    return item


def response_jwt(launch, items, private_key_pem, kid, message="", now=None):
    """The LtiDeepLinkingResponse JWT for *launch* (a validated LtiDeepLinkingRequest).

    The tool is the issuer (its client id) and the platform the audience (its issuer);
    the 'data' value of the request must be echoed back unchanged.
    """
    now = int(time.time() if now is None else now)
    registration = launch.registration
    payload = {
        "iss": registration.client_id,
        "aud": registration.issuer,
        "azp": registration.client_id,
        "iat": now,
        "exp": now + 600,
        "nonce": secrets.token_urlsafe(16),
        c.MESSAGE_TYPE: c.DEEP_LINKING_RESPONSE,
        c.VERSION: c.LTI_VERSION,
        c.DEPLOYMENT_ID: launch.deployment_id,
        c.DL_CONTENT_ITEMS: list(items),
    }
    settings = launch.deep_linking_settings
    if "data" in settings:
        payload[c.DL_DATA] = settings["data"]
    if message:
        payload[c.DL_MSG] = message
    return jwt.encode(payload, private_key_pem, algorithm="RS256", headers={"kid": kid})
