"""XBlock services of the bridge: i18n, user, settings, replace_urls (names as in Open edX).

They follow the interfaces Open edX gives blocks, so a block behaves the same in both runtimes.
"""
import gettext
import importlib.resources
from pathlib import Path

from django.conf import settings
from django.utils import formats, translation
from xblock.reference.user_service import UserService, XBlockUser


class I18nService:
    """Translations for one block: its own catalogue first (like Open edX), else the site's.

    Open edX looks for `translations/<lang>/LC_MESSAGES/text.mo` in the block's package and falls
    back to Django's translations; the language is the active Django language of the request.
    """

    DOMAIN = "text"

    def __init__(self, block):
        self.translator = translation
        language = translation.get_language() or settings.LANGUAGE_CODE
        package_dir = _package_dir(block)
        directory = package_dir / "translations" if package_dir else None
        if directory and directory.is_dir():
            try:
                self.translator = gettext.translation(
                    self.DOMAIN, localedir=str(directory), languages=[translation.to_locale(language), language]
                )
            except OSError:
                pass  # no catalogue for this language: Django's, then the source strings

    def gettext(self, message):
        return self.translator.gettext(message)

    def ngettext(self, singular, plural, number):
        return self.translator.ngettext(singular, plural, number)

    def pgettext(self, context, message):
        return self.translator.pgettext(context, message)

    # Names kept from Python 2 days, still called by older blocks.
    ugettext = gettext
    ungettext = ngettext

    def strftime(self, dtime, format):  # pylint: disable=redefined-builtin
        """Localised date: `format` is a Django format name (DATE_FORMAT...) or a strftime pattern."""
        if format.isupper():
            return formats.date_format(dtime, format)
        return dtime.strftime(format)

    def get_javascript_i18n_catalog_url(self, block):
        return None  # blocks of the suite ship their JS strings inside their fragments


def _package_dir(block):
    cls = getattr(type(block), "unmixed_class", type(block))
    package = cls.__module__.rpartition(".")[0] or cls.__module__
    try:
        return Path(str(importlib.resources.files(package)))
    except (ModuleNotFoundError, TypeError):
        return None


class BridgeUserService(UserService):
    """The current learner as blocks see them: an anonymous id, no name unless the LMS sent one."""

    def __init__(self, learner, course_id, staff=False, **kwargs):
        super().__init__(**kwargs)
        self.learner = learner
        self.course_id = course_id
        self.staff = staff

    def get_current_user(self):
        learner = self.learner
        user = XBlockUser(
            is_current_user=True,
            emails=[learner.email] if learner and learner.email else [],
            full_name=learner.name if learner else None,
        )
        if learner is not None:
            user.opt_attrs.update({
                "edx-platform.anonymous_user_id": learner.anonymous_id,
                "edx-platform.user_id": learner.pk,
                "edx-platform.username": f"learner-{learner.pk}",
                "edx-platform.is_authenticated": True,
                "edx-platform.user_is_staff": self.staff,
                "edx-platform.user_role": "staff" if self.staff else "student",
                "jobintech.platform": learner.platform.name,
            })
        return user

    def get_anonymous_user_id(self, username, course_id):
        return self.learner.anonymous_id if self.learner is not None else None


class SettingsService:
    """Site settings per block type, from settings.XBLOCK_SETTINGS (as in Open edX)."""

    def get_settings_bucket(self, block, default=None):
        key = getattr(block, "block_settings_key", None) or type(block).__name__
        return getattr(settings, "XBLOCK_SETTINGS", {}).get(key, default if default is not None else {})


class ReplaceUrlsService:
    """Rewrites `/static/x.png` (course assets, as authors write them) to the bridge's URL for them."""

    def __init__(self, static_url):
        self.static_url = static_url  # callable: path inside course static/ -> URL

    def replace_urls(self, text):
        if not text:
            return text
        for quote in ('"', "'"):
            text = _replace_static(text, quote, self.static_url)
        return text


def _replace_static(text, quote, static_url):
    marker = f"{quote}/static/"
    parts = text.split(marker)
    out = [parts[0]]
    for part in parts[1:]:
        path, sep, rest = part.partition(quote)
        out.append(f"{quote}{static_url(path)}{sep}{rest}" if sep else marker + part)
    return "".join(out)
