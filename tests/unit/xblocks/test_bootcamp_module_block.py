"""The bootcamp_module XBlock in the toy runtime: mastery gating, summary, progress, OLX, i18n."""
from __future__ import annotations

import json
import re

import pytest
from django.utils import translation
from lxml import etree
from xblock.completable import XBlockCompletionMode
from xblock.reference.user_service import UserService, XBlockUser
from xblock.scorable import Score

from tests.unit.xblocks.coding_exercise_support import call, load_block, render
from xblocks.bootcamp_module.block import BootcampModuleBlock
from xblocks.bootcamp_module.olx import parse_module_element
from xblocks.bootcamp_module.scenarios import MODULE_BOUCLES, SCENARIOS

RANGE_QUIZ_RIGHT = {"answers": {"q1": 1, "q2": "9"}}
RANGE_QUIZ_HALF = {"answers": {"q1": 1, "q2": "8"}}


class CourseStaff(UserService):
    """The user service as Open edX fills it for course staff."""

    def get_current_user(self):
        user = XBlockUser(is_current_user=True)
        user.opt_attrs["edx-platform.user_is_staff"] = True
        return user


def module(xml=MODULE_BOUCLES):
    block = load_block(xml)
    return block, [block.runtime.get_block(child_id) for child_id in block.children]


def steps_in(html: str) -> list[tuple[str, bool]]:
    """(usage id, locked) of each step card, in page order."""
    return [(m.group(2), bool(m.group(1))) for m in
            re.finditer(r'class="jit-module__step( is-locked)?[^"]*"\s+data-step="([^"]+)"', html)]


def test_steps_after_an_unpassed_quiz_are_locked_and_not_sent():
    block, (lesson, quiz, lesson2, quiz2) = module()
    html = render(block)
    assert [locked for _, locked in steps_in(html)] == [False, False, True, True]
    assert "Combien de valeurs produit" in html           # the first quiz is open
    assert "arrête la boucle immédiatement" not in html   # locked content never reaches the browser
    assert "Quel mot-clé arrête une boucle" not in html
    assert html.count("Locked. To unlock this step, reach 80% in:") == 2
    assert "<li>\u2068Quiz : range()\u2069 (now 0%)</li>" in html     # says what to finish first


def test_passing_the_quiz_unlocks_the_next_steps():
    block, (lesson, quiz, lesson2, quiz2) = module()
    assert call(quiz, "submit", RANGE_QUIZ_RIGHT)[0] == 200
    html = render(block)
    assert [locked for _, locked in steps_in(html)] == [False, False, False, False]
    assert "arrête la boucle immédiatement" in html


def test_a_score_below_the_threshold_keeps_them_locked():
    block, (lesson, quiz, lesson2, quiz2) = module()
    call(quiz, "submit", RANGE_QUIZ_HALF)  # 1 / 2 = 50 % < 80 %
    html = render(block)
    assert [locked for _, locked in steps_in(html)] == [False, False, True, True]
    assert "<li>\u2068Quiz : range()\u2069 (now 50%)</li>" in html


def test_the_threshold_is_configurable_and_inclusive():
    block, (lesson, quiz, lesson2, quiz2) = module(MODULE_BOUCLES.replace('mastery_threshold="0.8"',
                                                                          'mastery_threshold="0.5"'))
    call(quiz, "submit", RANGE_QUIZ_HALF)  # exactly 50 %
    assert [locked for _, locked in steps_in(render(block))] == [False, False, False, False]


def test_gating_false_opens_every_step():
    block, _ = module(SCENARIOS[1][1])
    assert block.gating is False
    html = render(block)
    assert [locked for _, locked in steps_in(html)] == [False, False, False, False]
    assert "A step unlocks when" not in html  # no unlocking rule to explain


def test_the_page_carries_its_locks_for_the_front_end():
    block, (lesson, quiz, lesson2, quiz2) = module()
    html = render(block)
    config = json.loads(re.search(r'<script type="application/json" class="jit-module__config">(.*?)</script>',
                                  html, re.S).group(1))
    assert config["locked"] == [lesson2.scope_ids.usage_id, quiz2.scope_ids.usage_id]
    assert config["strings"] == {"unlocked": "A new step is unlocked.", "open": "Show it"}
    assert "A step unlocks when you reach 80% in each scored step before it." in html


def test_staff_see_every_step():
    block, _ = module()
    block.runtime._services["user"] = CourseStaff()
    assert [locked for _, locked in steps_in(render(block))] == [False, False, False, False]


def test_any_scorable_block_gates_through_its_score_api():
    xml = MODULE_BOUCLES.replace(
        "<lesson display_name=\"Sortir d'une boucle\"",
        '<coding_exercise display_name="Somme" language="python" skills="python.loops">'
        '<prompt>Écrire somme()</prompt><tests><file name="test_somme.py">import unittest</file></tests>'
        "</coding_exercise>\n  <lesson display_name=\"Sortir d'une boucle\"")
    block, (lesson, quiz, exercise, lesson2, quiz2) = module(xml)
    call(quiz, "submit", RANGE_QUIZ_RIGHT)
    assert [locked for _, locked in steps_in(render(block))] == [False, False, False, True, True]
    exercise.set_score(Score(raw_earned=0.9, raw_possible=1.0))
    exercise.save()
    assert [locked for _, locked in steps_in(render(block))] == [False, False, False, False, False]


def test_progress_handler_reports_locks_summary_and_skills():
    block, (lesson, quiz, lesson2, quiz2) = module()
    status, data = call(block, "progress")
    assert status == 200
    assert data["locked"] == [lesson2.scope_ids.usage_id, quiz2.scope_ids.usage_id]
    assert data["progress_text"] == "0 steps done out of 4" and data["score_text"] == "Score: 0%"
    call(lesson, "mark_done")
    assert call(block, "progress", language="fr")[1]["progress_text"] == "1 étape terminée sur 4"
    assert call(block, "progress", language="ar")[1]["progress_text"] == "اكتملت خطوة واحدة من 4"
    call(quiz, "submit", RANGE_QUIZ_RIGHT)
    status, data = call(block, "progress")
    assert data["locked"] == [] and data["progress_percent"] == 50
    assert data["progress_text"] == "2 steps done out of 4"
    assert data["score_text"] == "Score: 50%"  # two quizzes of equal weight: 100 % and 0 %
    assert [(s["name"], s["mastered"], s["state"]) for s in data["skills"]] == [
        ("python.loops", True, "mastered"), ("python.control", False, "in progress")]


def test_summary_when_everything_is_done():
    block, (lesson, quiz, lesson2, quiz2) = module()
    call(lesson, "mark_done")
    call(quiz, "submit", RANGE_QUIZ_RIGHT)
    call(lesson2, "mark_done")
    call(quiz2, "submit", {"answers": {"q1": "break"}})
    html = render(block, language="fr")
    assert "4 étapes terminées sur 4" in html and "Module terminé. Bravo !" in html
    assert "Score : 100\u00a0%" in html
    assert html.count('class="jit-module__skill is-mastered"') == 2
    assert 'aria-valuenow="100"' in html


def test_children_fragments_bring_their_resources():
    block, _ = module()
    frag = block.runtime.render(block, "student_view")
    scripts = "".join(r.data for r in frag.resources if r.mimetype == "application/javascript")
    assert "function JitLessonBlock" in scripts and "function JitQuizBlock" in scripts
    assert "function JitBootcampModuleBlock" in scripts
    assert BootcampModuleBlock.completion_mode == XBlockCompletionMode.AGGREGATOR


def test_objectives_are_markdown():
    html = render(module()[0])
    assert "<li>répéter des instructions avec <code>for</code> et <code>range()</code> ;</li>" in html


def test_olx_round_trip_keeps_settings_and_steps_in_order():
    block, children = module(MODULE_BOUCLES.replace("<bootcamp_module ", '<bootcamp_module data-cohorte="2026" '))
    node = etree.Element("bootcamp_module")
    block.add_xml_to_node(node)
    text = etree.tostring(node, encoding="unicode")
    assert [child.tag for child in node] == ["objectives", "lesson", "quiz", "lesson", "quiz"]
    again, again_children = module(text)
    for name in ("display_name", "objectives", "mastery_threshold", "gating", "xml_attributes"):
        assert getattr(again, name) == getattr(block, name), name
    assert again.xml_attributes == {"data-cohorte": "2026"}
    assert [c.display_name for c in again_children] == [c.display_name for c in children]
    assert again_children[1].questions == children[1].questions


@pytest.mark.parametrize("attrs, problem", [
    ('mastery_threshold="80%"', "mastery_threshold='80%' must be a fraction between 0 and 1"),
    ('mastery_threshold="1.5"', "mastery_threshold='1.5' must be a fraction between 0 and 1"),
    ('gating="oui"', "gating='oui' must be \"true\" or \"false\"; using true"),
])
def test_bad_settings_are_reported_and_defaults_used(attrs, problem):
    d = parse_module_element(etree.fromstring(f'<bootcamp_module {attrs}>\n<lesson/>\n</bootcamp_module>'))
    assert len(d.problems) == 1 and d.problems[0].startswith("line 1: ") and problem in d.problems[0]
    assert (d.mastery_threshold, d.gating) == (0.8, True)


def test_a_module_without_steps_says_so():
    block = load_block("<bootcamp_module display_name=\"Vide\"/>")
    assert "This module has no step yet." in render(block)
    with translation.override("en"):
        assert [m.text for m in block.validate().messages] == [
            "The module has no step: add lessons, coding exercises or quizzes."]
    with translation.override("fr"):
        assert [m.text for m in block.validate().messages] == [
            "Le module n'a aucune étape : ajoutez des leçons, des exercices de code ou des quiz."]


@pytest.mark.parametrize("language, word, direction", [("fr", "Étape 1", "ltr"), ("ar", "الخطوة 1", "rtl"),
                                                        ("en", "Step 1", "ltr")])
def test_rendered_in_the_learners_language(language, word, direction):
    html = render(module()[0], language=language)
    assert f'<div class="jit-module" lang="{language}" dir="{direction}">' in html
    assert word in html


def test_arabic_locked_card():
    html = render(module()[0], language="ar")
    assert "مقفلة. لفتح هذه الخطوة، ابلغ 80% في:" in html


@pytest.mark.parametrize("title, xml", SCENARIOS)
def test_workbench_scenarios_render(title, xml):
    block = load_block(xml)
    assert len(block.children) == 4
    html = render(block, language="fr")
    assert "Objectifs" in html and json.loads(
        re.search(r'class="xblock_json_init_args">(.*?)</script>', html, re.S).group(1))["strings"]


# ------------------------------------------------------------------ Studio

def test_studio_edits_settings_and_refuses_a_bad_threshold():
    block, _ = module()
    with translation.override("fr"):
        html = block.runtime.render(block, "studio_view").content
    field = re.search(r'<input[^>]*id="xb-field-edit-mastery_threshold"[^>]*>', html).group(0)
    assert 'value="0.8"' in field and 'step="0.05"' in field  # not "0,8": number inputs need a dot
    assert "Seuil de maîtrise" in html
    status, body = call(block, "submit_studio_edits", {"values": {"mastery_threshold": 1.5}, "defaults": []})
    assert status == 400 and "Mastery threshold: write a fraction between 0 and 1" in json.dumps(body)
    assert block.mastery_threshold == 0.8
    status, body = call(block, "submit_studio_edits", {"values": {"mastery_threshold": 0.6, "gating": False},
                                                       "defaults": []})
    assert (status, body) == (200, {"result": "success"})
    assert (block.mastery_threshold, block.gating) == (0.6, False)


def test_studio_can_add_lessons_exercises_and_quizzes():
    block, _ = module()
    assert [spec.category for spec in block.get_nested_blocks_spec()] == ["lesson", "coding_exercise", "quiz"]
    with translation.override("fr"):
        assert [spec.label for spec in block.get_nested_blocks_spec()] == ["Leçon", "Exercice de code", "Quiz"]
