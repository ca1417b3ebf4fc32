"""Lesson, quiz and module pages in a real Chromium, served by the xblock-sdk workbench
(xblocks.workbench): try-it runs, quiz feedback and answers, unlocking without a page error."""
import re
import uuid

import pytest
from browser_support import open_page, require_browser

pytestmark = pytest.mark.browser
require_browser()

from playwright.sync_api import expect  # noqa: E402


def open_scenario(browser, workbench, title, language="fr", root=".jit-module"):
    base, links = workbench
    # A new learner each time: the workbench keeps state per ?student=.
    return open_page(browser, f"{base}{links[title]}?student={uuid.uuid4().hex[:8]}", language, root)


def test_passing_the_quiz_unlocks_the_next_steps(browser, workbench):
    page, errors = open_scenario(browser, workbench, "Module : les boucles (déverrouillage par la maîtrise)")
    expect(page.locator(".jit-module__step.is-locked")).to_have_count(2)
    expect(page.locator(".jit-module__step.is-locked").first).to_contain_text(
        "\u2068Quiz : range()\u2069 (actuellement 0 %)")  # the title is isolated for Arabic pages
    quiz = page.locator(".jit-quiz").first
    quiz.locator("input[type=radio]").nth(1).check()
    quiz.locator("input[type=text]").fill("9")
    quiz.locator(".jit-quiz__submit").click()
    expect(quiz.locator(".jit-quiz__status")).to_have_text("Score : 2 / 2")
    notice = page.locator(".jit-module__notice")
    expect(notice).to_contain_text("Une nouvelle étape est débloquée.")
    expect(page.locator(".jit-module__summary-score")).to_have_text("Score : 50 %")
    page.locator(".jit-module__reload").click()
    page.wait_for_selector(".jit-module")
    expect(page.locator(".jit-module__step.is-locked")).to_have_count(0)
    expect(page.locator(".jit-module")).to_contain_text("arrête la boucle immédiatement")
    assert not errors


@pytest.mark.sandbox
def test_try_it_runs_the_edited_snippet(browser, workbench):
    page, errors = open_scenario(browser, workbench, "Leçon : les boucles for (avec « Essayer »)", root=".jit-lesson")
    page.locator(".jit-lesson__editor").fill("for ville in ['Rabat', 'Fès']:\n    print('Salam', ville)\n")
    page.locator(".jit-lesson__run").click()
    output = page.locator(".jit-lesson__output")
    expect(output).to_have_text("Salam Rabat\nSalam Fès\n", timeout=30_000)
    page.locator(".jit-lesson__reset").click()
    expect(page.locator(".jit-lesson__editor")).to_have_value(re.compile(r"^total = 0\n"))
    expect(page.locator(".jit-lesson__done")).to_be_disabled()  # short lesson: read as soon as shown
    assert not errors


def test_quiz_feedback_then_answers_once_attempts_are_used(browser, workbench):
    page, errors = open_scenario(browser, workbench, "Quiz : les boucles en Python", root=".jit-quiz")
    # No answer in the block before it is allowed (the workbench prints the scenario's XML below it).
    assert "Oui : i vaut 0" not in page.locator(".xblock-v1").first.evaluate("e => e.outerHTML")
    page.locator(".jit-quiz__question[data-question=q1] input").nth(0).check()
    page.locator(".jit-quiz__submit").click()
    first = page.locator(".jit-quiz__question[data-question=q1]")
    expect(first.locator(".jit-quiz__feedback")).to_contain_text("Incorrect")
    expect(first.locator(".jit-quiz__feedback")).to_contain_text("range(3) commence à 0")
    expect(page.locator(".jit-quiz__attempts")).to_have_text("1 essai restant")
    page.locator(".jit-quiz__submit").click()
    expect(page.locator(".jit-quiz__submit")).to_be_disabled()
    expect(first.locator(".jit-quiz__option.is-solution")).to_have_count(1)
    expect(page.locator(".jit-quiz__question[data-question=q3] .jit-quiz__solution")).to_have_text("Réponse : break")
    assert not errors


def test_arabic_module_is_right_to_left(browser, workbench):
    page, errors = open_scenario(browser, workbench, "Module : les boucles (toutes les étapes ouvertes)", "ar")
    assert page.locator(".jit-module").get_attribute("dir") == "rtl"
    expect(page.locator(".jit-module__progress-label")).to_have_text("التقدّم")
    assert page.locator(".jit-lesson__editor").first.get_attribute("dir") == "ltr"
    assert page.locator(".jit-module__step.is-locked").count() == 0
    assert not errors
