"""Translations of the block's own strings (conf/locale/<lang>/LC_MESSAGES/django.mo).

Open edX, the xblock-sdk workbench and the LTI bridge all activate the learner's language in
Django, so the block reads the active language there and loads its own catalog. When the block
has no catalog for that language, the runtime's i18n service answers instead.
"""
from __future__ import annotations

import gettext
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "conf" / "locale"
DOMAIN = "django"
RTL_LANGUAGES = {"ar", "fa", "he", "ur"}


def N_(text: str) -> str:  # noqa: N802 (gettext convention)
    """Mark *text* for extraction; it is translated later, when the language is known."""
    return text


def active_language() -> str:
    """The language Django has activated for this request, or English outside Django."""
    try:
        from django.utils.translation import get_language

        return get_language() or "en"
    except Exception:  # settings not configured: a plain runtime without Django
        return "en"


def base_language(language: str) -> str:
    return language.replace("_", "-").split("-")[0].lower()


def is_rtl(language: str) -> bool:
    return base_language(language) in RTL_LANGUAGES


def translator(language: str, fallback_service=None) -> gettext.NullTranslations:
    """A gettext object for *language*; *fallback_service* (the runtime's i18n) covers the rest."""
    region = language.replace("-", "_")
    candidates = [region, base_language(language)]
    translations = gettext.translation(DOMAIN, str(LOCALE_DIR), languages=candidates, fallback=True)
    if fallback_service is not None and type(translations) is gettext.NullTranslations:
        translations.add_fallback(_ServiceAdapter(fallback_service))
    return translations


class _ServiceAdapter:
    """Lets a runtime i18n service (which may only offer ugettext/gettext) act as a gettext fallback."""

    def __init__(self, service):
        self.service = service

    def gettext(self, message):
        for name in ("gettext", "ugettext"):
            func = getattr(self.service, name, None)
            if callable(func):
                return func(message)
        return message

    def ngettext(self, singular, plural, n):
        for name in ("ngettext", "ungettext"):
            func = getattr(self.service, name, None)
            if callable(func):
                return func(singular, plural, n)
        return singular if n == 1 else plural
