"""Translations and localised rendering shared by the suite's blocks.

Each block package ships its catalogues as `conf/locale/<lang>/LC_MESSAGES/text.mo`, also
reachable through the `translations` symlink (the layout Open edX's XBlock i18n tooling expects).

Which language? Open edX and the LTI bridge are Django sites, so the active Django language
decides; we read the block's own catalogue for it, because Open edX's i18n service only looks
at the *root* package's `translations/` directory, which would miss per-block catalogues.
When Django is not set up (plain runtimes, the toy runtime in tests), the runtime's i18n
service decides, and without one the English source strings are shown.

Templates are rendered with a standalone Django template engine (autoescaping on, no
`{% trans %}` tags): views translate their strings in Python and pass them in, so rendering
needs no Django settings and no global translation state.
"""
from __future__ import annotations

import functools
import gettext
import importlib.resources
from pathlib import Path

DOMAIN = "text"
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})


def N_(message: str) -> str:  # noqa: N802 (gettext convention)
    """Mark *message* for extraction; it is translated where it is shown, once the language is known."""
    return message


def active_language() -> str | None:
    """The active Django language ('fr', 'ar', 'en', 'fr-ma'...), or None without Django settings."""
    try:
        from django.conf import settings
        from django.utils import translation

        if not settings.configured:
            return None
        return translation.get_language()
    except Exception:  # Django missing or half set-up: behave as a plain runtime
        return None


def _base_language(language: str) -> str:
    return language.replace("_", "-").split("-")[0].lower()


def _package_of(block_or_class) -> str:
    cls = block_or_class if isinstance(block_or_class, type) else type(block_or_class)
    cls = getattr(cls, "unmixed_class", cls)  # runtimes mix classes in; the original knows its package
    return cls.__module__.rpartition(".")[0] or cls.__module__


@functools.lru_cache(maxsize=64)
def catalogue(package: str, language: str):
    """The compiled catalogue of *package* for *language*, or None when it has none."""
    # conf/locale is the real directory; `translations` is a symlink that wheels may not keep.
    root = Path(str(importlib.resources.files(package)))
    directory = next((d for d in (root / "conf" / "locale", root / "translations") if d.is_dir()), None)
    base = _base_language(language)
    if directory is None:
        return None
    if base == "en":
        return None
    try:
        # Django says "fr-ma", gettext looks for "fr_MA"; then the base language.
        region = language.replace("-", "_")
        region = region if "_" not in region else region.split("_")[0] + "_" + region.split("_")[1].upper()
        return gettext.translation(DOMAIN, localedir=str(directory), languages=[region, base])
    except OSError:
        return None


class Translator:
    """gettext/ngettext for one block, plus the language and text direction to render with."""

    def __init__(self, block):
        self.language = active_language()
        translations = catalogue(_package_of(block), self.language) if self.language else None
        if translations is None and not self.language:
            translations = _runtime_service(block)
        self._translations = translations or gettext.NullTranslations()
        if not self.language:
            self.language = getattr(translations, "language", None) or _catalogue_language(translations) or "en"
        self.direction = "rtl" if _base_language(self.language) in RTL_LANGUAGES else "ltr"

    def gettext(self, message: str) -> str:
        # Older runtime services only offer the Python 2 names (ugettext/ungettext).
        translate = getattr(self._translations, "gettext", None) or self._translations.ugettext
        return translate(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        translate = getattr(self._translations, "ngettext", None) or self._translations.ungettext
        return translate(singular, plural, count)

    def strings(self, messages: dict[str, str]) -> dict[str, str]:
        """Translate a {key: English message} table (what the front-end receives)."""
        return {key: self.gettext(text) for key, text in messages.items()}


def _runtime_service(block):
    try:
        service = block.runtime.service(block, "i18n")
    except Exception:  # the block did not declare the service, or the runtime refuses it
        return None
    from xblock.runtime import NullI18nService

    if service is None or isinstance(service, NullI18nService):
        return None
    return service


def _catalogue_language(translations) -> str | None:
    info = getattr(translations, "info", None)
    if not callable(info):
        return None
    try:
        return info().get("language") or None
    except Exception:
        return None


def translator(block) -> Translator:
    return Translator(block)


def format_number(value: float, language: str, digits: int = 2) -> str:
    """A short number for learners: no useless zeros, French/Arabic decimal comma."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return text.replace(".", ",") if _base_language(language) in ("fr", "ar") else text


def format_percent(fraction: float, language: str) -> str:
    percent = round(fraction * 100)
    # French typography wants a no-break space before %; Arabic and English write it attached.
    return f"{percent}\u00a0%" if _base_language(language) == "fr" else f"{percent}%"


@functools.lru_cache(maxsize=1)
def _engine():
    from django.template import Engine

    return Engine(autoescape=True)


@functools.lru_cache(maxsize=64)
def _template(package: str, name: str):
    source = (importlib.resources.files(package) / "templates" / name).read_text(encoding="utf-8")
    return _engine().from_string(source)


def render_template(package: str, name: str, context: dict, tr: Translator) -> str:
    """Render `<package>/templates/<name>` with *context*, plus `lang` and `dir` from *tr*."""
    from django.template import Context

    full = {"lang": tr.language, "dir": tr.direction, **context}
    # use_l10n=False: number formatting would otherwise need Django settings; views format numbers.
    return _template(package, name).render(Context(full, use_l10n=False, autoescape=True))


COMMON_PACKAGE = "xblocks.common"  # static files every block may add: load_static(COMMON_PACKAGE, ...)


def load_static(package: str, path: str) -> str:
    """The text of `<package>/static/<path>` (CSS/JS are inlined into fragments: no URL service needed)."""
    return (importlib.resources.files(package) / "static" / path).read_text(encoding="utf-8")
