"""The quiz XBlock in the toy runtime: views, submit handler, scoring, answer secrecy, OLX, i18n."""
from __future__ import annotations

import json
import re

import pytest
from django.utils import translation
from lxml import etree

from tests.unit.xblocks.coding_exercise_support import RecordingRuntime, call, load_block, render
from xblocks.common.markdown import pygments_css
from xblocks.quiz.block import QuizBlock
from xblocks.quiz.scenarios import QUIZ_BOUCLES, SCENARIOS

# Every secret of QUIZ_BOUCLES: option feedback and accepted answers never shown before allowed.
FEEDBACK = ["range(3) commence à 0", "Oui : i vaut 0", "range(3) s'arrête avant 3",
            "Un tuple ne change plus", "On peut ajouter des éléments", "Les chaînes sont immuables",
            "Un dictionnaire se modifie"]
ALL_RIGHT = {"q1": 1, "q2": [0, 2], "q3": "break", "q4": "3", "q5": "1051"}


def quiz_xml(show_answer="after_attempts", max_attempts=2):
    return re.sub(r'max_attempts="\d+"\s+show_answer="\w+"',
                  f'max_attempts="{max_attempts}" show_answer="{show_answer}"', QUIZ_BOUCLES)


def init_args(html: str) -> dict:
    match = re.search(r'<script type="json/xblock-args" class="xblock_json_init_args">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def assert_no_secret(text: str):
    for secret in FEEDBACK:
        assert secret not in text
    assert "break" not in text.replace("jit-", "")  # the accepted text answer
    assert "1051" not in text                        # the accepted number answer
    assert '"correct": true' not in text and '"options": [' not in text


def test_view_shows_questions_and_no_answer():
    block = load_block(quiz_xml())
    html = render(block)
    assert "Quiz : les boucles en Python" in html
    assert html.count('class="jit-quiz__question"') == 5
    assert 'type="radio"' in html and 'type="checkbox"' in html and 'inputmode="decimal"' in html
    assert "<code>7 // 2</code>" in html
    assert_no_secret(html)
    state = init_args(html)["state"]
    assert state["solutions"] == {} and state["results"] == {}
    assert state["can_submit"] is True and state["attempts_left"] == 2


def test_always_shows_answers_from_the_start():
    state = init_args(render(load_block(quiz_xml("always"))))["state"]
    assert state["solutions"]["q1"] == {"options": [1], "feedback": [
        "range(3) commence à 0 : compte bien 0, 1, 2.", "Oui : i vaut 0, puis 1, puis 2.", "range(3) s'arrête avant 3."]}
    assert state["solutions"]["q3"] == {"answers": ["break"]}


def test_submit_scores_with_partial_credit_and_publishes_the_grade():
    block = load_block(quiz_xml())
    status, state = call(block, "submit", {"answers": {"q1": 1, "q2": [0, 1, 2], "q3": "Break", "q4": "3,0"}})
    assert status == 200
    # q1 1 + q2 (2 right - 1 wrong)/2 x 2 points = 1 + q3 1 + q4 1 + q5 unanswered 0
    assert state["score"] == {"earned": 4.0, "possible": 6.0}
    assert state["results"]["q2"]["earned"] == 1.0 and not state["results"]["q2"]["correct"]
    assert state["results"]["q5"]["answered"] is False
    assert block.runtime.events_of("grade") == [{"value": 4.0, "max_value": 6.0, "only_if_higher": None}]
    assert block.get_score() == (4.0, 6.0) and block.has_submitted_answer()


def test_wrong_attempt_with_attempts_left_reveals_nothing_more_than_picked_feedback():
    block = load_block(quiz_xml())
    status, state = call(block, "submit", {"answers": {"q1": 0, "q2": [1], "q3": "continue", "q4": "4"}})
    assert status == 200 and state["attempts_left"] == 1 and state["solutions"] == {}
    assert state["results"]["q1"]["feedback"] == ["range(3) commence à 0 : compte bien 0, 1, 2."]
    text = json.dumps(state, ensure_ascii=False)
    for secret in ("Oui : i vaut 0", "Un tuple ne change plus", "Les chaînes sont immuables", "1051"):
        assert secret not in text
    assert "break" not in text
    html = render(block)  # the page after the attempt keeps the secret too
    assert "Oui : i vaut 0" not in html and "1051" not in html


def test_after_attempts_reveals_once_attempts_are_used_up_then_refuses_more():
    block = load_block(quiz_xml("after_attempts", max_attempts=2))
    wrong = {"answers": {"q1": 0}}
    assert call(block, "submit", wrong)[1]["solutions"] == {}
    status, state = call(block, "submit", wrong)
    assert status == 200 and state["attempts_left"] == 0 and not state["can_submit"]
    assert state["solutions"]["q3"] == {"answers": ["break"]} and state["solutions"]["q5"] == {"answers": ["1051"]}
    status, error = call(block, "submit", wrong)
    assert status == 403 and error["error"] == "You have used all your attempts for this quiz."
    assert block.attempts == 2


def test_after_correct_reveals_only_when_everything_is_right():
    block = load_block(quiz_xml("after_correct", max_attempts=0))
    assert call(block, "submit", {"answers": {"q1": 0}})[1]["solutions"] == {}
    status, state = call(block, "submit", {"answers": ALL_RIGHT})
    assert status == 200 and state["score"]["earned"] == 6.0 and set(state["solutions"]) == {"q1", "q2", "q3", "q4", "q5"}
    assert not state["can_submit"]
    assert call(block, "submit", {"answers": ALL_RIGHT})[0] == 403  # solved: nothing left to submit


def test_never_keeps_answers_secret_even_when_attempts_are_used_up():
    block = load_block(quiz_xml("never", max_attempts=1))
    status, state = call(block, "submit", {"answers": {"q1": 0}})
    assert status == 200 and state["attempts_left"] == 0 and state["solutions"] == {}
    assert_no_secret(render(block).replace("range(3) commence à 0 : compte bien", ""))


def test_the_gradebook_keeps_the_best_attempt():
    block = load_block(quiz_xml(max_attempts=0))
    call(block, "submit", {"answers": {"q1": 1, "q3": "break"}})
    status, state = call(block, "submit", {"answers": {"q1": 0}})
    assert state["score"]["earned"] == 0.0 and "Best score kept: 2" in state["status"]
    assert block.get_score() == (2.0, 6.0)
    assert [e["value"] for e in block.runtime.events_of("grade")] == [2.0, 2.0]
    assert block.calculate_score() == (2.0, 6.0)  # rescoring grades the best answers again
    block.rescore(only_if_higher=False)
    assert block.runtime.events_of("grade")[-1]["value"] == 2.0


@pytest.mark.parametrize("payload, message", [
    ({"answers": {"q1": "1"}}, "The answer to question q1 has the wrong form."),
    ({"answers": {"q2": [0, "x"]}}, "The answer to question q2 has the wrong form."),
    ({"answers": {"q3": ["break"]}}, "The answer to question q3 has the wrong form."),
    ({"answers": {"q3": "x" * 1001}}, "The answer to question q3 has the wrong form."),
    ({"answers": {"q4": {"value": 3}}}, "The answer to question q4 has the wrong form."),
    ({"answers": {"q4": float("inf")}}, "The answer to question q4 has the wrong form."),
    ({"answers": {"q2": [0, 1, 2, 3, 0]}}, "The answer to question q2 has the wrong form."),
    ({"answers": ["q1", 1]}, 'Send {"answers": {question id: answer}}.'),
    ([1, 2], 'Send {"answers": {question id: answer}}.'),
    ({"answers": {}}, "Answer at least one question before submitting."),
    ({"answers": {"q99": 1}}, "Answer at least one question before submitting."),
])
def test_malformed_submissions_get_a_clear_400_and_use_no_attempt(payload, message):
    block = load_block(quiz_xml())
    status, body = call(block, "submit", payload)
    assert (status, body["error"]) == (400, message)
    assert block.attempts == 0 and block.runtime.events_of("grade") == []


def test_submit_answers_are_kept_for_the_next_visit():
    block = load_block(quiz_xml())
    call(block, "submit", {"answers": {"q1": 2, "q2": [3], "q3": "stop"}})
    html = render(block)
    assert re.search(r'value="2"\s+checked', html) and re.search(r'value="3"\s+checked', html)
    assert 'value="stop"' in html


def test_olx_round_trip_through_the_runtime():
    xml = quiz_xml().replace("<quiz ", '<quiz data-theme="bleu" ')
    block = load_block(xml)
    node = etree.Element("quiz")
    block.add_xml_to_node(node)
    again = load_block(etree.tostring(node, encoding="unicode"))
    for name in ("display_name", "weight", "max_attempts", "show_answer", "skills", "questions", "xml_attributes"):
        assert getattr(again, name) == getattr(block, name), name
    assert again.xml_attributes == {"data-theme": "bleu"}
    assert block.max_score() == 6.0


def test_studio_validation_lists_authoring_problems():
    block = load_block('<quiz display_name="Quiz : tests"><question id="q1" type="single"><text>T</text>'
                       '<option>a</option><option>b</option></question></quiz>')
    messages = [(m.type, m.text) for m in block.validate().messages]
    assert messages == [("warning", 'Quiz : tests: question q1 has no correct option: mark one with correct="true"')]


@pytest.mark.parametrize("language, submit, direction", [("fr", "Valider", "ltr"), ("ar", "إرسال", "rtl"),
                                                          ("en", "Submit", "ltr")])
def test_rendered_in_the_learners_language(language, submit, direction):
    html = render(load_block(quiz_xml()), language=language)
    assert f'lang="{language}" dir="{direction}"' in html
    assert f">{submit}</button>" in html
    assert init_args(html)["strings"]["submit"] == submit


def test_messages_and_plurals_are_translated():
    block = load_block(quiz_xml(max_attempts=3))
    status, state = call(block, "submit", {"answers": {"q1": 1}}, language="fr")
    assert state["status"] == "Score : 1 / 6" and state["attempts_text"] == "2 essais restants"
    status, state = call(block, "submit", {"answers": {"q1": 1, "q2": [0]}}, language="ar")
    assert state["attempts_text"] == "تبقّت محاولة واحدة"
    assert state["results"]["q2"]["earned_text"] == "1"
    status, body = call(block, "submit", {"answers": {"q1": "x"}}, language="fr")
    assert body["error"] == "La réponse à la question q1 n'a pas la bonne forme."


def test_static_css_includes_the_code_highlighting_and_js_is_inlined():
    block = load_block(quiz_xml())
    frag = block.runtime.render(block, "student_view")
    css = "".join(r.data for r in frag.resources if r.mimetype == "text/css")
    assert pygments_css() in css and "inline-start" in css
    assert any("function JitQuizBlock" in r.data for r in frag.resources if r.mimetype == "application/javascript")


@pytest.mark.parametrize("title, xml", SCENARIOS)
def test_workbench_scenarios_are_valid_and_render(title, xml):
    block = load_block(xml)
    assert block.definition().problems() == []
    assert "jit-quiz__question" in render(block, language="fr")
    assert QuizBlock.workbench_scenarios() == SCENARIOS


def test_grade_events_reach_the_runtime_publish():
    runtime = RecordingRuntime(user_id="amina")
    block = load_block(quiz_xml(), runtime)
    call(block, "submit", {"answers": ALL_RIGHT})
    assert runtime.events_of("grade")[-1] == {"value": 6.0, "max_value": 6.0, "only_if_higher": None}


# ------------------------------------------------------------------ Studio

def test_studio_shows_the_quiz_as_olx():
    block = load_block(quiz_xml())
    with translation.override("fr"):
        html = block.runtime.render(block, "studio_view").content
    assert "Enregistrer" in html and 'class="jit-quiz-studio__olx"' in html
    assert "&lt;question id=&quot;q1&quot; type=&quot;single&quot; points=&quot;1&quot;&gt;" in html


def test_studio_saves_valid_olx():
    block = load_block(quiz_xml())
    new = ('<quiz display_name="Quiz : SQL" max_attempts="1" show_answer="never">'
           '<question id="s1" type="text"><text>Mot-clé pour trier ?</text><answer>ORDER BY</answer></question></quiz>')
    status, body = call(block, "studio_submit", {"olx": new})
    assert (status, body) == (200, {"saved": True, "questions": 1})
    assert (block.display_name, block.max_attempts, block.show_answer, block.max_score()) == ("Quiz : SQL", 1, "never", 1.0)


@pytest.mark.parametrize("olx, problem", [
    ("", "The quiz is empty: write a <quiz> element."),
    ("<quiz><question>", "not well-formed XML"),
    ("<lesson/>", "line 1: expected <quiz>, found <lesson>"),
    ('<quiz>\n<question id="q1" type="single"><text>T</text><option>a</option><option>b</option></question>\n</quiz>',
     'line 2: question q1 has no correct option: mark one with correct="true"'),
    ('<!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]><quiz><question id="q1" type="text">'
     '<text>&x;</text><answer>a</answer></question></quiz>', "<!DOCTYPE> and custom entities are not allowed"),
])
def test_studio_refuses_olx_with_problems_and_keeps_the_quiz(olx, problem):
    block = load_block(quiz_xml())
    before = list(block.questions)
    status, body = call(block, "studio_submit", {"olx": olx})
    assert status == 400 and problem in body["error"]
    assert block.questions == before and "root:" not in json.dumps(body)
