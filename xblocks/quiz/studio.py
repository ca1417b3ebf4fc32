"""Studio editor of a quiz: the quiz's OLX in a text box, checked before it is saved.

Authors already write quizzes as OLX (docs/authors/olx-format.md), so Studio offers the same
text instead of a second, form-based way to say the same thing. A quiz with problems is not
saved: the author gets every problem with its line, and learners never see a broken quiz.
"""
from __future__ import annotations

from lxml import etree
from web_fragments.fragment import Fragment

from xblocks.common.i18n import N_, load_static, render_template
from xblocks.quiz.questions import QuizDefinition, QuizError, parse_quiz_string
from xblocks.quiz.serialize import write_quiz_element

PACKAGE = "xblocks.quiz"
MAX_OLX_CHARS = 200_000

STUDIO_STRINGS = {
    "saving": N_("Saving…"),
    "saved": N_("Saved."),
    "not_saved": N_("Not saved: fix these problems first."),
    "network_error": N_("The server could not be reached. Check your connection and try again."),
}


def olx_text(d: QuizDefinition) -> str:
    node = write_quiz_element(d)
    etree.indent(node, space="  ")
    return etree.tostring(node, encoding="unicode")


def read_olx(text) -> tuple[QuizDefinition | None, list[str]]:
    """The quiz in *text*, or the reasons it cannot be saved (each naming its line)."""
    if not isinstance(text, str) or not text.strip():
        return None, [N_("The quiz is empty: write a <quiz> element.")]
    if len(text) > MAX_OLX_CHARS:
        return None, [N_("The quiz is too long (at most 200,000 characters).")]
    try:
        d = parse_quiz_string(text.strip())
    except QuizError as exc:
        return None, [str(exc)]
    problems = d.problems()
    return (None, problems) if problems else (d, [])


def studio_fragment(block, tr) -> Fragment:
    d = block.definition()
    html = render_template(PACKAGE, "studio.html", {
        "olx": olx_text(d),
        "problems": d.problems(),
        "strings": {
            "title": tr.gettext("Quiz (OLX)"),
            "help": tr.gettext("Edit the questions as OLX, as described in docs/authors/olx-format.md. "
                               "The quiz is checked when you save; a quiz with problems is not saved."),
            "problems": tr.gettext("Problems to fix:"),
            "save": tr.gettext("Save"),
            "cancel": tr.gettext("Cancel"),
        },
    }, tr)
    frag = Fragment(html)
    frag.add_css(load_static(PACKAGE, "css/quiz_studio.css"))
    frag.add_javascript(load_static(PACKAGE, "js/quiz_studio.js"))
    frag.initialize_js("JitQuizStudio", {"strings": tr.strings(STUDIO_STRINGS)})
    return frag
