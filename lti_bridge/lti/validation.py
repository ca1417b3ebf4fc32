"""Strict validation of an LTI 1.3 id_token (the launch message), one clear reason per failure.

Follows the 1EdTech LTI 1.3 core and Security Framework checks, in an order that never trusts a
claim before the signature over it has been verified, except iss/aud/kid, which are only used to
choose the key. What the module needs from storage comes through a *resolver* (see Resolver), so
it is tested without a database.
"""
import hmac
import json
import time
from dataclasses import dataclass, field

import jwt

from . import claims as c
from .errors import LtiError, gettext_noop as _

# Clock skew we tolerate between the platform and us, in seconds, for exp and iat.
LEEWAY = 60


class Resolver:
    """What validation asks of storage; the Django layer implements it over the ORM."""

    def registration(self, issuer, client_ids):
        """The registration of *issuer* whose client id is one of *client_ids*, or None."""
        raise NotImplementedError

    def issuer_known(self, issuer):
        raise NotImplementedError

    def public_key(self, registration, kid):
        """The platform's key *kid* (refetching the keyset once if unknown), or None."""
        raise NotImplementedError

    def deployment_active(self, registration, deployment_id):
        raise NotImplementedError

    def consume_nonce(self, registration, nonce):
        """Mark *nonce* used; False if it was already used (replay)."""
        raise NotImplementedError


@dataclass
class Launch:
    """A validated launch: the registration it came through and the verified claims."""

    registration: object
    claims: dict = field(repr=False)

    def get(self, name, default=None):
        return self.claims.get(name, default)

    @property
    def message_type(self):
        return self.claims[c.MESSAGE_TYPE]

    @property
    def sub(self):
        return self.claims["sub"]

    @property
    def roles(self):
        return list(self.claims.get(c.ROLES) or [])

    @property
    def is_instructor(self):
        return c.is_instructor(self.roles)

    @property
    def deployment_id(self):
        return self.claims[c.DEPLOYMENT_ID]

    @property
    def context(self):
        value = self.claims.get(c.CONTEXT)
        return value if isinstance(value, dict) else {}

    @property
    def resource_link(self):
        value = self.claims.get(c.RESOURCE_LINK)
        return value if isinstance(value, dict) else {}

    @property
    def custom(self):
        value = self.claims.get(c.CUSTOM)
        return value if isinstance(value, dict) else {}

    @property
    def ags(self):
        value = self.claims.get(c.AGS_ENDPOINT)
        return value if isinstance(value, dict) else {}

    @property
    def nrps_url(self):
        value = self.claims.get(c.NRPS)
        return value.get("context_memberships_url") if isinstance(value, dict) else None

    @property
    def deep_linking_settings(self):
        value = self.claims.get(c.DL_SETTINGS)
        return value if isinstance(value, dict) else {}

    @property
    def locale(self):
        presentation = self.claims.get(c.LAUNCH_PRESENTATION)
        locale = presentation.get("locale") if isinstance(presentation, dict) else None
        return locale or self.claims.get("locale")


def _segments(token):
    if not isinstance(token, str) or token.count(".") != 2:
        raise LtiError(_("The id_token is not a JWT (expected three dot-separated parts)."))
    try:
        header = jwt.get_unverified_header(token)
        payload = jwt.decode(token, options={"verify_signature": False})
    except (jwt.DecodeError, json.JSONDecodeError, UnicodeDecodeError):
        raise LtiError(_("The id_token cannot be decoded: one of its three parts is not valid base64 (JSON for the first two).")) from None
    if not isinstance(payload, dict):
        raise LtiError(_("The id_token payload is not a JSON object."))
    return header, payload


def _check_header(header):
    alg = header.get("alg")
    if alg is None or str(alg).lower() == "none":
        raise LtiError(_("The id_token is unsigned (alg 'none'); only RS256 signatures are accepted."))
    if alg != "RS256":
        raise LtiError(_("The id_token is signed with %(alg)s; only RS256 is accepted."), alg=str(alg))
    if not header.get("kid"):
        raise LtiError(_("The id_token header has no 'kid': the platform must name the key it signed with."))


def _audiences(payload):
    aud = payload.get("aud")
    if isinstance(aud, str) and aud:
        return [aud]
    if isinstance(aud, list) and aud and all(isinstance(a, str) for a in aud):
        return aud
    raise LtiError(_("The id_token has no valid 'aud' claim (our client id is required)."))


def _find_registration(payload, resolver):
    issuer = payload.get("iss")
    if not isinstance(issuer, str) or not issuer:
        raise LtiError(_("The id_token has no 'iss' claim."))
    audiences = _audiences(payload)
    if not resolver.issuer_known(issuer):
        raise LtiError(_("The issuer %(iss)s is not registered with this tool. Ask the bridge "
                         "administrator to add the platform."), status=403, iss=issuer)
    registration = resolver.registration(issuer, audiences)
    if registration is None:
        raise LtiError(_("The id_token audience %(aud)s does not contain a client id registered "
                         "for %(iss)s."), status=403, aud=", ".join(audiences), iss=issuer)
    azp = payload.get("azp")
    if len(audiences) > 1 and not azp:
        raise LtiError(_("The id_token has several audiences but no 'azp' claim naming our client id."))
    if azp is not None and azp != registration.client_id:
        raise LtiError(_("The id_token 'azp' claim (%(azp)s) is not our client id (%(client_id)s)."),
                       azp=str(azp), client_id=registration.client_id)
    if not getattr(registration, "is_active", True):
        raise LtiError(_("The platform %(iss)s is registered but not yet activated by the bridge "
                         "administrator."), status=403, iss=issuer)
    return registration


def _verify_signature(token, key, now):
    try:
        return jwt.decode(
            token, key, algorithms=["RS256"], leeway=LEEWAY,
            options={"require": ["exp", "iat"], "verify_aud": False, "verify_iss": False},
        )
    except jwt.InvalidSignatureError:
        raise LtiError(_("The id_token signature does not verify with the platform's key.")) from None
    except jwt.ExpiredSignatureError:
        raise LtiError(_("The id_token has expired (exp is in the past). Launch again from the course.")) from None
    except jwt.ImmatureSignatureError:
        raise LtiError(_("The id_token was issued in the future (iat/nbf): check the platform's clock.")) from None
    except jwt.MissingRequiredClaimError as exc:
        raise LtiError(_("The id_token has no '%(claim)s' claim, which is required."), claim=exc.claim) from None
    except jwt.InvalidTokenError as exc:
        raise LtiError(_("The id_token is invalid: %(error)s"), error=str(exc)) from None


def _check_lti_claims(payload):
    version = payload.get(c.VERSION)
    if version is None:
        raise LtiError(_("The launch has no LTI version claim; LTI 1.3.0 is required."))
    if version != c.LTI_VERSION:
        raise LtiError(_("The launch has LTI version %(version)s; only 1.3.0 is supported."), version=str(version))
    message_type = payload.get(c.MESSAGE_TYPE)
    if message_type not in c.MESSAGE_TYPES:
        raise LtiError(_("The message type %(type)s is not supported (LtiResourceLinkRequest or "
                         "LtiDeepLinkingRequest)."), type=str(message_type))
    sub = payload.get("sub")
    if not isinstance(sub, str) or not sub:
        raise LtiError(_("The launch has no 'sub' claim: anonymous launches are not supported."))
    if not isinstance(payload.get(c.ROLES), list):
        raise LtiError(_("The launch has no roles claim (a list, possibly empty, is required)."))
    if message_type == c.RESOURCE_LINK_REQUEST:
        link = payload.get(c.RESOURCE_LINK)
        if not isinstance(link, dict) or not isinstance(link.get("id"), str) or not link.get("id"):
            raise LtiError(_("The resource link launch has no resource_link claim with an 'id'."))
    else:
        settings = payload.get(c.DL_SETTINGS)
        if not isinstance(settings, dict) or not settings.get("deep_link_return_url"):
            raise LtiError(_("The deep linking launch has no deep_linking_settings with a "
                             "deep_link_return_url."))
    if not payload.get(c.TARGET_LINK_URI):
        raise LtiError(_("The launch has no target_link_uri claim."))


def validate_launch(id_token, resolver, expected_nonce, now=None):
    """The Launch carried by *id_token*, or LtiError with the first reason it is refused.

    *expected_nonce* is the nonce we issued at login for the browser's state.
    """
    now = time.time() if now is None else now
    header, unverified = _segments(id_token)
    _check_header(header)
    registration = _find_registration(unverified, resolver)
    key = resolver.public_key(registration, header["kid"])
    if key is None:
        raise LtiError(_("The key %(kid)s that signed the id_token is not in the platform's keyset."),
                       kid=str(header["kid"]))
    payload = _verify_signature(id_token, key, now)
    if payload.get("iat", 0) > now + LEEWAY:
        raise LtiError(_("The id_token was issued in the future (iat/nbf): check the platform's clock."))
    nonce = payload.get("nonce")
    if not isinstance(nonce, str) or not nonce:
        raise LtiError(_("The id_token has no 'nonce' claim."))
    if not expected_nonce or not hmac.compare_digest(nonce.encode(), str(expected_nonce).encode()):
        raise LtiError(_("The id_token nonce is not the one issued at login for this browser."))
    _check_lti_claims(payload)
    deployment_id = payload.get(c.DEPLOYMENT_ID)
    if not isinstance(deployment_id, str) or not deployment_id:
        raise LtiError(_("The launch has no deployment_id claim."))
    if not resolver.deployment_active(registration, deployment_id):
        raise LtiError(_("The deployment %(deployment)s is not registered (or not active) for this "
                         "platform."), status=403, deployment=deployment_id)
    # Last, so that a refused launch does not burn the nonce of a legitimate retry.
    if not resolver.consume_nonce(registration, nonce):
        raise LtiError(_("This launch was already used (its nonce is single-use). Launch again from the course."))
    return Launch(registration=registration, claims=payload)
