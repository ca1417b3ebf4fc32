"""A title is shown once, and a lesson's own headings sit below it.

The page (or the unit) that shows a block as its subject gives it Open edX's render context
`show_title: False`; lesson, quiz and bootcamp_module then leave their title out, and never pass
that flag on to their children. A lesson's Markdown headings start at <h4>, under its <h3> title.
"""
from tests.unit.xblocks.coding_exercise_support import load_block, render
from xblocks.lesson.headings import demote_headings
from xblocks.lesson.scenarios import LESSON_BOUCLES

LESSON = """<lesson url_name="l" display_name="Les boucles for">
  <body><![CDATA[# Répéter

## Avec for

Du texte.

### Un détail]]></body>
</lesson>"""


def test_headings_shift_under_the_title_keeping_their_structure():
    html = "<h1>A</h1><p>x</p><h2 class='c'>B</h2><h3>C</h3>"
    assert demote_headings(html, 4) == "<h4>A</h4><p>x</p><h5 class='c'>B</h5><h6>C</h6>"


def test_headings_never_pass_h6_and_are_never_promoted():
    assert demote_headings("<h2>A</h2><h6>B</h6>", 4) == "<h4>A</h4><h6>B</h6>"
    assert demote_headings("<h5>A</h5>", 4) == "<h5>A</h5>"
    assert demote_headings("<p>no heading</p>", 4) == "<p>no heading</p>"


def test_a_lesson_shows_its_title_once_above_its_sections():
    html = render(load_block(LESSON))
    assert html.count("Les boucles for") == 1
    assert '<h3 class="jit-lesson__title" dir="auto">Les boucles for</h3>' in html
    assert "<h4>Répéter</h4>" in html and "<h5>Avec for</h5>" in html and "<h6>Un détail</h6>" in html
    assert "<h1>" not in html and "<h2>" not in html


def test_a_lesson_that_is_the_pages_subject_leaves_its_title_to_the_page():
    block = load_block(LESSON_BOUCLES)
    shown = block.runtime.render(block, "student_view", {}).body_html()
    hidden = block.runtime.render(block, "student_view", {"show_title": False}).body_html()
    assert "jit-lesson__title" in shown and "jit-lesson__title" not in hidden
