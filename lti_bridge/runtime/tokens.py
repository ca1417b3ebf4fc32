"""Handler URL tokens: who is calling a block handler, without cookies or a CSRF header.

Inside an LMS iframe the bridge is a third-party site: browsers may drop its cookies, and block
JavaScript written for Open edX does not know our CSRF header. So every handler URL the runtime
hands out carries a signed, expiring token naming the learner and the page language. A forged
request from another site cannot know it (the token is only in the page the learner received),
which is what CSRF protection needs; see docs/decisions/bridge-handler-tokens.md.
"""
from django.conf import settings
from django.core import signing

SALT = "jobintech.xblock-handler"


class BadToken(Exception):
    """The token is missing, altered or expired."""


def make_token(learner, language, staff=False, gating_root=None):
    """*staff*: the page was rendered for course staff (an instructor), who see locked steps too;
    *gating_root*: the block an LMS link placed (only modules inside it gate). Both travel in the
    signed token so that a learner cannot claim them."""
    data = {"l": learner.pk, "lang": language}
    if staff:
        data["s"] = 1
    if gating_root:
        data["r"] = gating_root
    return signing.dumps(data, salt=SALT, compress=True)


def read_token(token):
    """(learner pk, language) from a token made by make_token; BadToken otherwise."""
    learner_pk, language, _staff, _root = read_token_with_role(token)
    return learner_pk, language


def read_token_with_role(token):
    """(learner pk, language, staff, gating root) from a token made by make_token; BadToken otherwise."""
    if not token:
        raise BadToken("missing")
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.HANDLER_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise BadToken("expired") from None
    except signing.BadSignature:
        raise BadToken("invalid") from None
    return data["l"], data.get("lang"), bool(data.get("s")), data.get("r")
