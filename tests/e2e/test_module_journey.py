"""A learner goes through module 1 of the real course in `make run`'s server, in Chromium.

They find only the first steps open, read the lesson, solve the coding exercises by typing the
reference solutions (from the OLX) into CodeMirror, answer the checkpoint quiz correctly (answers
from the quiz's OLX), and see the next steps unlock, the progress bar advance and the summary
list the skills they mastered. Every wait is on a condition of the page, never a sleep.
"""
import os

import pytest
from lxml import etree
from playwright.sync_api import expect

from grader.olx import parse_file
from xblocks.quiz.questions import parse_quiz_element

pytestmark = pytest.mark.browser

COURSE = os.path.join(os.path.dirname(__file__), "..", "..", "course_content")
MODULE = "bootcamp_module.m1_python"
SCORED = ("coding_exercise", "quiz")
GRADING_TIMEOUT = 60_000  # ms: the first submission may wait for the sandbox pool to warm up


def olx(block_type, url_name):
    return etree.parse(os.path.join(COURSE, block_type, f"{url_name}.xml")).getroot()


def module_steps():
    """[(usage id, block type, url_name, skills)] of module 1, in order, from the OLX."""
    steps = []
    for child in olx("bootcamp_module", MODULE.split(".", 1)[1]):
        if isinstance(child.tag, str) and child.get("url_name"):  # steps are pointers; skip <objectives>
            url_name = child.get("url_name")
            steps.append((f"{child.tag}.{url_name}", child.tag, url_name,
                          olx(child.tag, url_name).get("skills", "").split()))
    return steps


def step(page, usage_id):
    return page.locator(f'.jit-module__step[data-step="{usage_id}"]')


def progress(page):
    return int(page.locator(".jit-module__bar").get_attribute("aria-valuenow"))


def wait_for_progress_above(page, value):
    page.wait_for_function(
        "v => Number(document.querySelector('.jit-module__bar').getAttribute('aria-valuenow')) > v", arg=value)


def open_unlocked_steps(page, usage_id):
    """The module offers to show newly unlocked steps: take the offer, check *usage_id* opened."""
    button = page.locator(".jit-module__notice .jit-module__reload")
    button.wait_for(state="visible", timeout=GRADING_TIMEOUT)
    with page.expect_navigation():
        button.click()
    step(page, usage_id).locator(".xblock").first.wait_for(state="attached")
    assert "is-locked" not in step(page, usage_id).get_attribute("class")
    # The page opens on the first step that unlocked (the link's #target), not at the top.
    expect(page.locator(".jit-module__step:target")).to_be_in_viewport()


def read_lesson(page, usage_id):
    """Scroll to the lesson's end, which completes it: the module marks it done and advances."""
    lesson = step(page, usage_id)
    before = progress(page)
    lesson.locator(".jit-lesson__end").scroll_into_view_if_needed()
    lesson.locator(".jit-module__badge").wait_for(state="visible")
    wait_for_progress_above(page, before)


def solve_exercise(page, usage_id, url_name):
    definition = parse_file(os.path.join(COURSE, "coding_exercise", f"{url_name}.xml"))
    assert len(definition.solution) == 1, f"{url_name}: this journey types single-file solutions only"
    exercise = step(page, usage_id)
    editor = exercise.locator(".jit-ce .cm-content").first
    editor.wait_for(state="visible")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(definition.solution[0]["content"])
    before = progress(page)
    exercise.locator(".jit-ce-submit").click()
    # The module learns of the new score by itself (no reload): the step is marked done and the
    # bar advances.
    exercise.locator(".jit-module__badge").wait_for(state="visible", timeout=GRADING_TIMEOUT)
    wait_for_progress_above(page, before)


def answer_quiz(page, usage_id, url_name):
    quiz = step(page, usage_id)
    for question in parse_quiz_element(olx("quiz", url_name)).questions:
        fieldset = quiz.locator(f'.jit-quiz__question[data-question="{question.id}"]')
        if question.type in ("single", "multiple"):
            for index, option in enumerate(question.options):
                if option.correct:
                    fieldset.locator(f'input[value="{index}"]').check()
        else:
            fieldset.locator("input").fill(question.answers[0].text)
    before = progress(page)
    quiz.locator(".jit-quiz__submit").click()
    quiz.locator(".jit-quiz__question.is-correct").first.wait_for()
    assert quiz.locator(".jit-quiz__question:not(.is-correct)").count() == 0
    quiz.locator(".jit-module__badge").wait_for(state="visible")
    wait_for_progress_above(page, before)


def mastered_skills(page):
    """Skills the summary shows as mastered, checking each says so in French."""
    states = page.locator(".jit-module__skill.is-mastered .jit-module__skill-state").all_inner_texts()
    assert all(text.strip() == "maîtrisée" for text in states), states
    return set(page.locator(".jit-module__skill.is-mastered").evaluate_all(
        "items => items.map(li => li.dataset.skill)"))


def test_a_learner_goes_through_module_1_and_masters_skills(server, page):
    steps = module_steps()
    ids = [usage_id for usage_id, *_ in steps]
    first_scored = next(i for i, s in enumerate(steps) if s[1] in SCORED)
    quiz_index = next(i for i, s in enumerate(steps) if s[1] == "quiz")
    page.goto(f"{server}/preview/{MODULE}")
    page.locator(".jit-module").wait_for()

    # The title is shown once: by the page's <h1>, not again by the module.
    assert page.locator("h1").count() == 1
    assert page.locator(".jit-module__title").count() == 0

    # Open: everything up to the first scored step. Locked: the rest, each saying what to pass first.
    first_title = olx(steps[first_scored][1], steps[first_scored][2]).get("display_name")
    for index, usage_id in enumerate(ids):
        classes = step(page, usage_id).get_attribute("class")
        if index <= first_scored:
            assert "is-locked" not in classes, usage_id
        else:
            assert "is-locked" in classes, usage_id
            assert first_title in step(page, usage_id).locator(".jit-module__locked").inner_text()
    assert progress(page) == 0

    # Reading the lesson to its end completes it.
    read_lesson(page, ids[0])
    assert "1" in page.locator(".jit-module__progress-text").inner_text()

    # Each exercise before the quiz, solved in the editor, unlocks what follows it; lessons that
    # open on the way are read.
    for index in range(first_scored, quiz_index):
        usage_id, block_type, url_name, _skills = steps[index]
        if block_type == "lesson":
            read_lesson(page, usage_id)
            continue
        solve_exercise(page, usage_id, url_name)
        following = next(s[0] for s in steps[index + 1:] if s[1] in SCORED)
        open_unlocked_steps(page, following)
    assert "is-locked" in step(page, ids[quiz_index + 1]).get_attribute("class")

    # Summary: a skill is mastered once every scored step carrying it is passed; the final project
    # is not done yet, so its skills are not.
    passed = {s[0] for s in steps[:quiz_index + 1] if s[1] in SCORED}
    carriers = {}
    for usage_id, block_type, _url_name, skills in steps:
        for skill in skills:
            if block_type in SCORED:
                carriers.setdefault(skill, set()).add(usage_id)
    expected = {skill for skill, where in carriers.items() if where <= passed}
    assert expected, "module 1 should have skills mastered before its project"

    # The checkpoint quiz, answered right: the summary updates in place, then the rest opens.
    answer_quiz(page, ids[quiz_index], steps[quiz_index][2])
    page.wait_for_function("n => document.querySelectorAll('.jit-module__skill.is-mastered').length === n",
                           arg=len(expected))
    assert mastered_skills(page) == expected
    open_unlocked_steps(page, ids[quiz_index + 1])
    assert page.locator(".jit-module__step.is-locked").count() == 0
    assert mastered_skills(page) == expected
    assert 0 < progress(page) < 100


def test_a_locked_step_cannot_be_opened_by_its_url(server, page):
    locked = [s for s in module_steps() if s[1] in SCORED][1]
    response = page.goto(f"{server}/preview/{locked[0]}")
    assert response.status == 403
    assert "80" in page.locator(".jit-error").inner_text()
