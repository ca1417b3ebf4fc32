"""Chooses the page language: an explicit choice, else French.

Django's LocaleMiddleware would follow the browser's Accept-Language, but the courses are taught
in French: a learner whose browser is set to English still gets French unless they pick another
language (`?lang=ar` on any page, remembered in a cookie) or their LMS launch says so (the LTI
package stores the launch's locale with `remember_language`).
"""
from django.conf import settings
from django.utils import translation

SESSION_KEY = "jobintech_language"


def supported(code):
    """The supported language for *code* ('ar-MA' -> 'ar'), or None."""
    if not code:
        return None
    base = str(code).replace("_", "-").split("-")[0].lower()
    return base if base in dict(settings.LANGUAGES) else None


def remember_language(request, code):
    """Store a language chosen by the launch (LTI locale claim) for the rest of the session."""
    language = supported(code)
    if language and hasattr(request, "session"):
        request.session[SESSION_KEY] = language
    return language


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = supported(request.GET.get("lang"))
        language = (
            chosen
            or supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
            or supported(getattr(request, "session", {}).get(SESSION_KEY))
            or settings.LANGUAGE_CODE
        )
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if chosen:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, chosen, max_age=365 * 24 * 3600,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE, secure=settings.LANGUAGE_COOKIE_SECURE,
            )
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response
