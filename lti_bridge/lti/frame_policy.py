"""Who may frame the bridge: the origins of registered, active LTI platforms.

Pages that LMSs embed opt out of X-Frame-Options (Django's xframe_options_exempt); for those the
middleware sends `Content-Security-Policy: frame-ancestors 'self' <platform origins>`, so a page
of the bridge cannot be framed by an arbitrary site (clickjacking) but works inside Moodle/Canvas.
It also marks the session and CSRF cookies Partitioned when they are SameSite=None.
"""
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError

from lti_bridge.models import Platform

from .http import origin_of, partition

CACHE_KEY = "lti.frame_ancestors"


def platform_origins():
    origins = cache.get(CACHE_KEY)
    if origins is None:
        found = set()
        platforms = Platform.objects.filter(kind=Platform.KIND_LTI, is_active=True).select_related("lti_keyset")
        try:
            platforms = list(platforms)
        except DatabaseError:  # database not migrated yet: frame by ourselves only
            return []
        for platform in platforms:
            for url in (platform.issuer, platform.auth_login_url):
                if origin_of(url):
                    found.add(origin_of(url))
            keyset = getattr(platform, "lti_keyset", None)
            found.update(keyset.frame_origins if keyset else [])
        origins = sorted(found)
        cache.set(CACHE_KEY, origins, 60)
    return origins


def forget_origins():
    cache.delete(CACHE_KEY)


class FrameAncestorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "xframe_options_exempt", False) and "Content-Security-Policy" not in response:
            sources = " ".join(["'self'", *platform_origins()])
            response["Content-Security-Policy"] = f"frame-ancestors {sources}"
        for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
            partition(response, name)
        return response
