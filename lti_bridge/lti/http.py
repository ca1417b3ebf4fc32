"""HTTP helpers of the LTI views: refusal pages, iframe-friendly cookies, signed page tokens.

Inside an LMS iframe the bridge is a third party. Browsers keep its cookies only when they are
SameSite=None; Secure, and (Chrome's CHIPS) Partitioned; Safari may drop them all. So the pages
that follow a launch are tied to it by a signed token in the page itself (`page_token`), which
also serves as CSRF protection for their forms: another site cannot know it.
"""
import logging
from urllib.parse import urlparse

from django.conf import settings
from django.core import signing
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext, gettext as _

from .errors import LtiError, gettext_noop

log = logging.getLogger(__name__)
PAGE_TOKEN_SALT = "jobintech.lti.page"
PAGE_TOKEN_MAX_AGE = 4 * 3600


def origin_of(url):
    parsed = urlparse(url or "")
    if parsed.scheme in ("http", "https") and parsed.netloc:
        return f"{parsed.scheme}://{parsed.netloc}"
    return None


def our_origin(request):
    return f"{request.scheme}://{request.get_host()}"


def refusal(request, error, title=None):
    """The page that says why we refused (4xx; 502 when the platform failed us)."""
    log.info("LTI refused %s %s: %s", request.method, request.path, error.english())
    response = render(request, "lti/error.html", {
        "title": title or _("The LTI launch was refused"),
        "message": error.translated(gettext),
    }, status=error.status)
    response.xframe_options_exempt = True
    return response


def refuses_lti_errors(view):
    """Turn LtiError raised by *view* into its refusal page."""
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except LtiError as error:
            return refusal(request, error)
    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def secure_context(request):
    return request.is_secure() or getattr(settings, "SECURE_COOKIES", False)


def set_iframe_cookie(response, request, name, value, max_age):
    """A cookie that survives a cross-site POST into an iframe (when served over HTTPS)."""
    if secure_context(request):
        response.set_cookie(name, value, max_age=max_age, httponly=True, secure=True, samesite="None")
        partition(response, name)
    else:
        # Plain http (development): browsers refuse SameSite=None without Secure.
        response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="Lax")


def partition(response, name):
    """Add the Partitioned attribute (CHIPS), which Python's http.cookies does not know yet."""
    morsel = response.cookies.get(name)
    if morsel is not None and morsel["samesite"] == "None" and "Partitioned" not in morsel["samesite"]:
        morsel["samesite"] = "None; Partitioned"


def use_language(request, language):
    """Show this response in *language* (the launch's), unless the person chose one on the bridge."""
    from lti_bridge.middleware import supported
    language = supported(language)
    if language and not supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)):
        translation.activate(language)
        request.LANGUAGE_CODE = language


def page_token(**data):
    return signing.dumps(data, salt=PAGE_TOKEN_SALT, compress=True)


def read_page_token(token):
    try:
        return signing.loads(token or "", salt=PAGE_TOKEN_SALT, max_age=PAGE_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise LtiError(gettext_noop("This page has expired. Open the activity again from your course."),
                       status=403) from None
    except signing.BadSignature:
        raise LtiError(gettext_noop("This page must be opened from an LTI launch in your course."),
                       status=403) from None

