"""The quiz model without XBlock: parsing, authoring problems, grading, show_answer rules."""
from __future__ import annotations

import pytest
from lxml import etree

from xblocks.quiz.questions import (
    Answer, Option, Question, QuizError, answer_visible, grade_question, multiple_credit,
    number_matches, parse_number, parse_quiz_element, parse_quiz_string,
)
from xblocks.quiz.serialize import question_from_dict, question_to_dict, write_quiz_element

# The example of docs/authors/olx-format.md, verbatim: the contract course authors write against.
SPEC_QUIZ = """<quiz url_name="quiz_boucles" display_name="Quiz : boucles" weight="1.0" max_attempts="2"
      show_answer="after_attempts" skills="python.loops">
  <question id="q1" type="single" points="1">
    <text><![CDATA[Combien de fois s'exécute `for i in range(3)` ?]]></text>
    <option correct="false" feedback="range(3) commence à 0.">2</option>
    <option correct="true" feedback="Oui : 0, 1, 2.">3</option>
  </question>
  <question id="q2" type="multiple" points="2">
    <text><![CDATA[Quels types sont immuables ?]]></text>
    <option correct="true">tuple</option>
    <option correct="false">list</option>
    <option correct="true">str</option>
  </question>
  <question id="q3" type="text" points="1">
    <text><![CDATA[Mot-clé pour sortir d'une boucle ?]]></text>
    <answer case_sensitive="false">break</answer>
  </question>
  <question id="q4" type="number" points="1">
    <text><![CDATA[Valeur de 7 // 2 ?]]></text>
    <answer tolerance="0">3</answer>
  </question>
</quiz>"""


def quiz(questions_xml: str, attrs: str = "") -> str:
    return f"<quiz {attrs}>\n{questions_xml}\n</quiz>"


def test_spec_example_parses_without_problems():
    d = parse_quiz_string(SPEC_QUIZ)
    assert d.problems() == []
    assert (d.url_name, d.display_name, d.weight, d.max_attempts, d.show_answer, d.skills) == (
        "quiz_boucles", "Quiz : boucles", 1.0, 2, "after_attempts", ["python.loops"])
    assert [(q.id, q.type, q.points) for q in d.questions] == [
        ("q1", "single", 1.0), ("q2", "multiple", 2.0), ("q3", "text", 1.0), ("q4", "number", 1.0)]
    assert d.max_score == 5.0
    assert d.questions[0].text == "Combien de fois s'exécute `for i in range(3)` ?"
    assert d.questions[0].options[1] == Option("3", True, "Oui : 0, 1, 2.")
    assert d.questions[2].answers == [Answer("break", False, "0")]


@pytest.mark.parametrize("body, expected", [
    ('<question id="q2" type="single"><text>T</text><option correct="false">a</option>'
     '<option correct="false">b</option></question>', "line 2: question q2 has no correct option"),
    ('<question id="q2" type="multiple"><text>T</text><option>a</option><option>b</option></question>',
     "line 2: question q2 has no correct option"),
    ('<question id="q1" type="single"><text>T</text><option correct="true">a</option>'
     '<option correct="true">b</option></question>', 'has 2 correct options'),
    ('<question id="q1" type="single"><text>T</text><option correct="true">a</option></question>',
     "needs at least two <option>"),
    ('<question id="q1" type="text"><text>T</text></question>', "question q1 has no <answer>"),
    ('<question id="q1" type="number"><text>T</text><answer>trois</answer></question>',
     "has the answer 'trois', which is not a number"),
    ('<question id="q1" type="number"><text>T</text><answer tolerance="beaucoup">3</answer></question>',
     "has tolerance 'beaucoup'"),
    ('<question id="q1" type="number"><text>T</text><answer tolerance="-1">3</answer></question>',
     "has tolerance '-1'"),
    ('<question id="q1" type="essay"><text>T</text></question>', "type='essay': choose one of"),
    ('<question id="q1" type="single"><option correct="true">a</option><option>b</option></question>',
     "question q1 has no <text>"),
    ('<question type="text"><text>T</text><answer>x</answer></question>', 'has no id: add id="q1"'),
    ('<question id="q1" type="text" points="zéro"><text>T</text><answer>x</answer></question>',
     "points='zéro': write a number > 0"),
    ('<question id="q1" type="single"><text>T</text><option correct="oui">a</option><option>b</option></question>',
     "correct='oui' must be \"true\" or \"false\""),
    ('<question id="q1" type="text"><text>T</text><answer>x</answer><hint>h</hint></question>',
     "unknown element <hint> in question q1"),
    ('<question id="q1" type="text"><text>T</text><answer>x</answer></question>\n'
     '<question id="q1" type="text"><text>T</text><answer>y</answer></question>',
     "line 3: two questions share the id 'q1'"),
])
def test_authoring_problems_name_the_line_and_the_fix(body, expected):
    problems = parse_quiz_string(quiz(body)).problems()
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize("attrs, expected", [
    ('max_attempts="deux"', "max_attempts='deux' must be a whole number"),
    ('show_answer="parfois"', "show_answer='parfois': choose one of never, always, after_attempts, after_correct"),
    ('weight="lourd"', "weight='lourd' must be a number"),
])
def test_bad_quiz_attributes_are_problems_and_defaults_apply(attrs, expected):
    d = parse_quiz_string(quiz('<question id="q1" type="text"><text>T</text><answer>x</answer></question>', attrs))
    assert any(p.startswith("line 1: ") and expected in p for p in d.problems()), d.problems()
    assert (d.max_attempts, d.show_answer, d.weight) == (0, "after_attempts", 1.0)


def test_empty_quiz_is_a_problem():
    assert parse_quiz_string("<quiz/>").problems() == ["line 1: the quiz has no <question>: add at least one"]


def test_problems_name_the_file_when_parsed_from_disk(tmp_path):
    path = tmp_path / "quiz_boucles.xml"
    path.write_text(quiz('<question id="q7" type="single"><text>T</text>'
                         '<option>a</option><option>b</option></question>'), encoding="utf-8")
    d = parse_quiz_element(etree.parse(str(path)).getroot())
    assert d.problems() == [f"{path}:2: question q7 has no correct option: mark one with correct=\"true\""]


def test_wrong_root_element_raises_a_clear_error():
    with pytest.raises(QuizError, match=r"line 1: expected <quiz>, found <lesson>"):
        parse_quiz_string("<lesson/>")
    with pytest.raises(QuizError, match="not well-formed XML"):
        parse_quiz_string("<quiz><question></quiz>")


# ------------------------------------------------------------------ grading

def single() -> Question:
    return Question("q1", "single", 1.0, "T", [Option("2", False, "non"), Option("3", True, "oui")])


def test_single_choice():
    assert grade_question(single(), 1).earned == 1.0
    assert grade_question(single(), 1).feedback == ["oui"]
    wrong = grade_question(single(), 0)
    assert (wrong.earned, wrong.correct, wrong.answered, wrong.feedback) == (0.0, False, True, ["non"])


@pytest.mark.parametrize("answer", [None, "", [], 5, -1, True, "1", [0, 1], 1.0])
def test_single_choice_malformed_answers_earn_nothing(answer):
    result = grade_question(single(), answer)
    assert (result.earned, result.answered) == (0.0, False)


def multiple(points=2.0) -> Question:
    # Three correct options (0, 2, 3) and two wrong ones (1, 4).
    options = [Option("tuple", True), Option("list", False), Option("str", True), Option("frozenset", True),
               Option("dict", False)]
    return Question("q2", "multiple", points, "T", options)


@pytest.mark.parametrize("picked, fraction", [
    ([0, 2, 3], 1.0),           # every correct option
    ([0, 2], 2 / 3),            # two of three correct
    ([0], 1 / 3),
    ([0, 2, 3, 1], 2 / 3),      # all correct, one wrong pick: one step back
    ([0, 1], 0.0),              # one right, one wrong
    ([1, 4], 0.0),              # only wrong picks: floored at 0, never negative
    ([0, 1, 2, 3, 4], 1 / 3),   # ticking everything does not pay
    ([0, 0, 2], 2 / 3),         # a repeated pick counts once
])
def test_multiple_choice_partial_credit(picked, fraction):
    assert multiple_credit(multiple().options, sorted(set(picked))) == pytest.approx(fraction)
    assert grade_question(multiple(points=2.0), picked).earned == pytest.approx(2.0 * fraction)


def test_multiple_choice_full_marks_is_correct_partial_is_not():
    assert grade_question(multiple(), [0, 2, 3]).correct
    assert not grade_question(multiple(), [0, 2]).correct


def test_text_answers():
    q = Question("q3", "text", 1.0, "T", answers=[Answer("break"), Answer("Sortir", case_sensitive=True)])
    assert grade_question(q, "break").correct
    assert grade_question(q, "  BREAK ").correct          # case-insensitive by default, trimmed
    assert grade_question(q, "Sortir").correct
    assert not grade_question(q, "sortir").correct        # that answer is case-sensitive
    assert not grade_question(q, "continue").correct
    assert not grade_question(q, 3).answered
    spaced = Question("q", "text", 1.0, "T", answers=[Answer("ORDER BY")])
    assert grade_question(spaced, "order   by").correct  # inner spaces normalised


@pytest.mark.parametrize("answer, tolerance, given, ok", [
    ("3", "0", "3", True),
    ("3", "0", "3,0", True),        # French decimal comma
    ("3", "0", "3.5", False),
    ("3", "0", 3, True),            # a JSON number
    ("3.5", "0.5", "4", True),      # absolute tolerance, bound included
    ("3.5", "0.5", "4.01", False),
    ("100", "5%", "95", True),      # relative tolerance
    ("100", "5%", "105", True),
    ("100", "5%", "94.9", False),
    ("-200", "10%", "-181", True),  # relative to |expected|
    ("-200", "10%", "-179", False),
    ("0.3", "0", "0.1e1", False),
    ("0.3", "0", " 0,3 ", True),
    ("1051", "1%", "1050.625", True),
])
def test_number_tolerance(answer, tolerance, given, ok):
    q = Question("q4", "number", 1.0, "T", answers=[Answer(answer, tolerance=tolerance)])
    assert grade_question(q, given).correct is ok


def test_float_noise_does_not_fail_an_exact_answer():
    assert number_matches(0.1 + 0.2, Answer("0.3"))


@pytest.mark.parametrize("given", ["trois", "", "1/2", "nan", "inf", True, None, [3]])
def test_number_question_rejects_non_numbers(given):
    q = Question("q4", "number", 1.0, "T", answers=[Answer("3")])
    assert not grade_question(q, given).answered


@pytest.mark.parametrize("text, value", [("3", 3.0), ("-2,5", -2.5), ("1e3", 1000.0), (".5", 0.5),
                                         ("1 000", 1000.0), ("abc", None), ("1,2,3", None), ("", None)])
def test_parse_number(text, value):
    assert parse_number(text) == value


# ------------------------------------------------------------------ show_answer

@pytest.mark.parametrize("rule, attempts, max_attempts, all_correct, visible", [
    ("never", 5, 2, True, False),
    ("always", 0, 2, False, True),
    ("after_attempts", 1, 2, False, False),
    ("after_attempts", 2, 2, False, True),     # attempts used up
    ("after_attempts", 1, 2, True, True),      # or everything right
    ("after_attempts", 50, 0, False, False),   # unlimited attempts: only once right
    ("after_correct", 2, 2, False, False),
    ("after_correct", 1, 2, True, True),
    ("whenever", 9, 1, True, False),           # unknown rule fails closed
])
def test_show_answer_rules(rule, attempts, max_attempts, all_correct, visible):
    assert answer_visible(rule, attempts, max_attempts, all_correct) is visible


# ------------------------------------------------------------------ round-trip

def test_olx_round_trip_keeps_everything():
    d = parse_quiz_string(SPEC_QUIZ.replace('<quiz ', '<quiz data-origin="studio" '))
    again = parse_quiz_element(etree.fromstring(etree.tostring(write_quiz_element(d), encoding="utf-8")))
    assert again.problems() == []
    assert again.questions == d.questions
    assert (again.display_name, again.weight, again.max_attempts, again.show_answer, again.skills, again.url_name) == (
        d.display_name, d.weight, d.max_attempts, d.show_answer, d.skills, d.url_name)
    assert again.extra_attributes == {"data-origin": "studio"}
    assert "<![CDATA[Combien de fois" in etree.tostring(write_quiz_element(d), encoding="unicode")


def test_plain_data_round_trip():
    for q in parse_quiz_string(SPEC_QUIZ).questions:
        assert question_from_dict(question_to_dict(q)) == q
