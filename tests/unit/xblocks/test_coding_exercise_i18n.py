"""Every string of the coding_exercise block is translated to French and Arabic, placeholders intact."""
import gettext
import re
from pathlib import Path

import pytest

from xblocks.coding_exercise import messages, runner_text

LOCALE = Path(messages.__file__).parent / "conf" / "locale"
SAME_IN_FRENCH = {"Test"}  # correct translations identical to the English source


def all_messages():
    found = [messages.HIDDEN_TEST, messages.HIDDEN_REDACTED]
    for table in (messages.UI, messages.STATUS, messages.ERRORS, messages.VALIDATION,
                  messages.FIELD_LABELS, messages.FIELD_HELP):
        found.extend(table.values())
    return found + runner_text.TEMPLATES


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_message_is_translated_with_its_placeholders(language):
    catalogue = gettext.translation("text", str(LOCALE), languages=[language])
    for source in all_messages():
        translated = catalogue.gettext(source)
        if not (language == "fr" and source in SAME_IN_FRENCH):
            assert translated != source, f"{language}: not translated: {source!r}"
        assert set(re.findall(r"{\w+}", translated)) == set(re.findall(r"{\w+}", source)), (language, source)


def test_translations_symlink_points_at_the_catalogues():
    link = LOCALE.parent.parent / "translations"
    assert link.is_symlink() and link.resolve() == LOCALE.resolve()
    for language in ("en", "fr", "ar"):
        folder = LOCALE / language / "LC_MESSAGES"
        assert (folder / "text.po").is_file() and (folder / "text.mo").is_file()


def test_compiled_catalogues_are_up_to_date():
    """The committed .mo must say what the .po says (someone edited a .po and forgot msgfmt)."""
    for language in ("fr", "ar"):
        po = (LOCALE / language / "LC_MESSAGES" / "text.po").read_text(encoding="utf-8")
        catalogue = gettext.translation("text", str(LOCALE), languages=[language])
        for msgid, msgstr in re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', po, flags=re.M):
            unescape = lambda s: s.replace('\\"', '"').replace("\\\\", "\\")  # noqa: E731
            assert catalogue.gettext(unescape(msgid)) == unescape(msgstr)


def french():
    return gettext.translation("text", str(LOCALE), languages=["fr"]).gettext


def test_the_graders_english_lines_are_translated_keeping_their_values():
    text = ("Row 2 differs (the order of the rows matters here).\nExpected:\n  ('Amina')\n"
            "Got:\n  ('Youssef')")
    assert runner_text.translate_text(text, french()) == (
        "La ligne 2 diffère (l'ordre des lignes compte ici).\nAttendu :\n  ('Amina')\n"
        "Obtenu :\n  ('Youssef')")
    assert runner_text.translate_text("Expected 1 row, got 3 (in any order).", french()) == \
        "1 ligne attendue, 3 obtenue(s) (dans n'importe quel ordre)."
    assert runner_text.translate_text("SQL error: no such column: nom", french()) == \
        "Erreur SQL : no such column: nom"


def test_lines_the_grader_did_not_write_are_left_alone():
    text = "AssertionError: 5 != 6\n  test_somme.py line 8, in test_exemple: self.assertEqual(x, 6)"
    assert runner_text.translate_text(text, french()) == text
