"""The quiz model: questions parsed from OLX, checked for authoring problems, and graded.

Plain Python (lxml only, no XBlock or Django) so that `jobintech validate` can check a course's
quizzes with the same code the block grades with. See docs/authors/olx-format.md (## quiz) and
docs/authors/lessons-quizzes-modules.md for the rules (partial credit, tolerance, show_answer).

Parsing is lenient: whatever an author got wrong is recorded (with its line) and reported by
QuizDefinition.problems(), so one typo neither breaks a course import nor hides other mistakes.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

from lxml import etree

TAG = "quiz"
QUESTION_TYPES = ("single", "multiple", "text", "number")
SHOW_ANSWER_RULES = ("never", "always", "after_attempts", "after_correct")
DEFAULT_SHOW_ANSWER = "after_attempts"
_QUIZ_ATTRIBUTES = ("url_name", "display_name", "weight", "max_attempts", "show_answer", "skills")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


class QuizError(ValueError):
    """The XML is not a quiz at all (wrong element); the message says where and what to fix."""


def where(node) -> str:
    """'file:line' (or 'line N' when the XML came from a string) for messages about *node*."""
    source = node.getroottree().docinfo.URL if node is not None else None
    line = getattr(node, "sourceline", None)
    if source:
        return f"{source}:{line}"
    return f"line {line}" if line else "quiz"


@dataclass
class Option:
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass
class Answer:
    """An accepted answer: text (with case_sensitive) or number (value with tolerance)."""

    text: str
    case_sensitive: bool = False
    tolerance: str = "0"  # number questions: absolute ("0.5") or relative ("5%")


@dataclass
class Question:
    id: str
    type: str
    points: float = 1.0
    text: str = ""
    options: list[Option] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    line: str = field(default="", compare=False)  # where it was written, for messages


@dataclass
class QuestionResult:
    earned: float
    points: float
    answered: bool
    feedback: list[str] = field(default_factory=list)  # per-option feedback of the options picked

    @property
    def correct(self) -> bool:
        return self.points > 0 and self.earned >= self.points - 1e-9


@dataclass
class QuizDefinition:
    display_name: str = "Quiz"
    weight: float = 1.0
    max_attempts: int = 0  # 0: unlimited
    show_answer: str = DEFAULT_SHOW_ANSWER
    skills: list[str] = field(default_factory=list)
    url_name: str = ""
    questions: list[Question] = field(default_factory=list)
    extra_attributes: dict = field(default_factory=dict)  # unknown attributes, kept on round-trip
    parse_problems: list[str] = field(default_factory=list)
    line: str = field(default="quiz", compare=False)  # where the <quiz> element was written

    @property
    def max_score(self) -> float:
        return sum(q.points for q in self.questions)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def problems(self) -> list[str]:
        """Everything an author must fix, each message starting with where it is."""
        found = list(self.parse_problems)
        if not self.questions:
            found.append(f"{self.line}: the quiz has no <question>: add at least one")
        seen = set()
        for q in self.questions:
            where_ = q.line or self.display_name  # no line once stored in a block: name the quiz
            if q.id in seen:
                found.append(f"{where_}: two questions share the id {q.id!r}: give each a unique id")
            seen.add(q.id)
            found.extend(f"{where_}: question {q.id} {p}" for p in _question_problems(q))
        return found


def _question_problems(q: Question) -> list[str]:
    problems = []
    if not q.text.strip():
        problems.append("has no <text>")
    if q.type in ("single", "multiple"):
        correct = sum(1 for o in q.options if o.correct)
        if len(q.options) < 2:
            problems.append("needs at least two <option>")
        if correct == 0:
            problems.append("has no correct option: mark one with correct=\"true\"")
        elif q.type == "single" and correct > 1:
            problems.append(f"is type=\"single\" but has {correct} correct options: "
                            "keep one or use type=\"multiple\"")
        if q.answers:
            problems.append(f"is type=\"{q.type}\": use <option>, not <answer>")
    elif q.type in ("text", "number"):
        if not q.answers:
            problems.append("has no <answer>: add the accepted answer")
        if q.options:
            problems.append(f"is type=\"{q.type}\": use <answer>, not <option>")
        for a in q.answers:
            if not a.text.strip():
                problems.append("has an empty <answer>")
            elif q.type == "number" and parse_number(a.text) is None:
                problems.append(f"has the answer {a.text!r}, which is not a number")
            if q.type == "number" and _tolerance(a.tolerance) is None:
                problems.append(f"has tolerance {a.tolerance!r}: write a number (\"0.5\") or a percentage (\"5%\")")
    return problems


# ---------------------------------------------------------------- parsing

def _bool(value: str | None, default: bool, node, name: str, problems: list[str]) -> bool:
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    problems.append(f"{where(node)}: {name}={value!r} must be \"true\" or \"false\"")
    return default


def _text(node) -> str:
    """An element's text, CDATA or not, without the blank line authors leave around CDATA."""
    return (node.text or "").strip("\n")


def parse_quiz_element(node) -> QuizDefinition:
    """Build a QuizDefinition from a <quiz> element. Authoring mistakes go to .problems()."""
    if node.tag != TAG:
        raise QuizError(f"{where(node)}: expected <{TAG}>, found <{node.tag}>")
    d = QuizDefinition(line=where(node))
    problems = d.parse_problems
    attrs = dict(node.attrib)
    attrs.pop("xblock-family", None)  # added by XBlock exports, not authored
    d.url_name = attrs.pop("url_name", "")
    d.display_name = attrs.pop("display_name", d.display_name)
    d.skills = attrs.pop("skills", "").split()
    weight = attrs.pop("weight", None)
    if weight is not None:
        number = parse_number(weight)
        if number is None or number < 0:
            problems.append(f"{where(node)}: weight={weight!r} must be a number >= 0")
        else:
            d.weight = number
    max_attempts = attrs.pop("max_attempts", None)
    if max_attempts is not None:
        if max_attempts.strip().isdigit():
            d.max_attempts = int(max_attempts)
        else:
            problems.append(f"{where(node)}: max_attempts={max_attempts!r} must be a whole number "
                            "(0 means unlimited)")
    show_answer = attrs.pop("show_answer", None)
    if show_answer is not None:
        if show_answer in SHOW_ANSWER_RULES:
            d.show_answer = show_answer
        else:
            problems.append(f"{where(node)}: show_answer={show_answer!r}: choose one of "
                            + ", ".join(SHOW_ANSWER_RULES))
    d.extra_attributes = attrs
    for child in node:
        if not isinstance(child.tag, str):
            continue  # comments, processing instructions
        if child.tag == "question":
            d.questions.append(_parse_question(child, len(d.questions) + 1, problems))
        else:
            problems.append(f"{where(child)}: unknown element <{child.tag}> in <quiz>: expected <question>")
    return d


def _parse_question(node, number: int, problems: list[str]) -> Question:
    qid = (node.get("id") or "").strip()
    if not qid:
        qid = f"q{number}"
        problems.append(f"{where(node)}: question {number} has no id: add id=\"{qid}\"")
    qtype = node.get("type", "single")
    if qtype not in QUESTION_TYPES:
        problems.append(f"{where(node)}: question {qid} has type={qtype!r}: choose one of "
                        + ", ".join(QUESTION_TYPES))
    q = Question(id=qid, type=qtype, line=where(node))
    points = node.get("points")
    if points is not None:
        value = parse_number(points)
        if value is None or value <= 0:
            problems.append(f"{where(node)}: question {qid} has points={points!r}: write a number > 0")
        else:
            q.points = value
    for child in node:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "text":
            q.text = _text(child)
        elif child.tag == "option":
            q.options.append(Option(
                text=(child.text or "").strip(),
                correct=_bool(child.get("correct"), False, child, "correct", problems),
                feedback=child.get("feedback", ""),
            ))
        elif child.tag == "answer":
            q.answers.append(Answer(
                text=(child.text or "").strip(),
                case_sensitive=_bool(child.get("case_sensitive"), False, child, "case_sensitive", problems),
                tolerance=child.get("tolerance", "0").strip(),
            ))
        else:
            problems.append(f"{where(child)}: unknown element <{child.tag}> in question {qid}: "
                            "expected <text>, <option> or <answer>")
    return q


def parse_quiz_string(xml: str | bytes) -> QuizDefinition:
    parser = etree.XMLParser(strip_cdata=False, resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml, parser)
    except etree.XMLSyntaxError as exc:
        raise QuizError(f"not well-formed XML: {exc}") from None
    if root.getroottree().docinfo.doctype:
        # Entities are never resolved (no file or network reads), so text using them would be
        # silently cut: refuse them instead.
        raise QuizError("line 1: <!DOCTYPE> and custom entities are not allowed in a quiz: write the text itself")
    return parse_quiz_element(root)


# ---------------------------------------------------------------- grading

def parse_number(text) -> float | None:
    """A number as learners and authors type it: '3', '-2.5', '2,5' (French comma), '1e3'."""
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return float(text) if math.isfinite(text) else None
    if not isinstance(text, str):
        return None
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not _NUMBER.match(cleaned):
        return None
    value = float(cleaned.replace(",", "."))
    return value if math.isfinite(value) else None


def _tolerance(text: str) -> tuple[float, bool] | None:
    """(amount, relative) from '0.5' or '5%'; None when invalid or negative."""
    text = (text or "0").strip()
    relative = text.endswith("%")
    amount = parse_number(text[:-1] if relative else text)
    if amount is None or amount < 0:
        return None
    return amount, relative


def _normalise_text(text: str, case_sensitive: bool) -> str:
    text = " ".join(unicodedata.normalize("NFC", text).split())
    return text if case_sensitive else text.casefold()


def _option_indexes(answer, count: int) -> list[int] | None:
    """Picked option indexes; None when the answer is malformed."""
    raw = answer if isinstance(answer, list) else [answer]
    picked = []
    for item in raw:
        if isinstance(item, bool) or not isinstance(item, int) or not 0 <= item < count:
            return None
        if item not in picked:
            picked.append(item)
    return picked


def grade_question(q: Question, answer) -> QuestionResult:
    """Grade one answer. Answers: single -> option index; multiple -> list of indexes;
    text -> string; number -> string or number. Anything else earns 0 (answered=False)."""
    if answer is None or answer == "" or answer == []:
        return QuestionResult(0.0, q.points, answered=False)
    if q.type in ("single", "multiple"):
        picked = _option_indexes(answer, len(q.options))
        if picked is None or (q.type == "single" and len(picked) != 1):
            return QuestionResult(0.0, q.points, answered=False)
        feedback = [q.options[i].feedback for i in picked if q.options[i].feedback]
        if q.type == "single":
            earned = q.points if q.options[picked[0]].correct else 0.0
        else:
            earned = q.points * multiple_credit(q.options, picked)
        return QuestionResult(earned, q.points, answered=True, feedback=feedback)
    if q.type == "text":
        if not isinstance(answer, str):
            return QuestionResult(0.0, q.points, answered=False)
        ok = any(_normalise_text(answer, a.case_sensitive) == _normalise_text(a.text, a.case_sensitive)
                 for a in q.answers if a.text)
        return QuestionResult(q.points if ok else 0.0, q.points, answered=True)
    if q.type == "number":
        value = parse_number(answer)
        if value is None:
            return QuestionResult(0.0, q.points, answered=False)
        ok = any(number_matches(value, a) for a in q.answers)
        return QuestionResult(q.points if ok else 0.0, q.points, answered=True)
    return QuestionResult(0.0, q.points, answered=False)


def multiple_credit(options: list[Option], picked: list[int]) -> float:
    """Fraction earned on a multiple-choice question: each correct option picked earns
    1/(number of correct options), each wrong option picked takes the same away; never below 0."""
    correct = sum(1 for o in options if o.correct)
    if correct == 0:
        return 0.0
    right = sum(1 for i in picked if options[i].correct)
    wrong = len(picked) - right
    return max(0.0, (right - wrong) / correct)


def number_matches(value: float, answer: Answer) -> bool:
    expected = parse_number(answer.text)
    tolerance = _tolerance(answer.tolerance)
    if expected is None or tolerance is None:
        return False
    amount, relative = tolerance
    allowed = abs(expected) * amount / 100 if relative else amount
    # A hair of slack so that 0.1 + 0.2 style float noise never fails an exact answer.
    return abs(value - expected) <= allowed + 1e-9 * max(1.0, abs(expected))


def grade_quiz(d: QuizDefinition, answers: dict) -> dict[str, QuestionResult]:
    return {q.id: grade_question(q, answers.get(q.id)) for q in d.questions}


def solution(q: Question) -> dict:
    """What learners see once show_answer allows it."""
    if q.type in ("single", "multiple"):
        return {"options": [i for i, o in enumerate(q.options) if o.correct],
                "feedback": [o.feedback for o in q.options]}
    return {"answers": [a.text for a in q.answers]}


def answer_visible(rule: str, attempts: int, max_attempts: int, all_correct: bool) -> bool:
    """Whether the show_answer *rule* lets the learner see the correct answers now."""
    if rule == "always":
        return True
    if rule == "after_correct":
        return all_correct
    if rule == "after_attempts":
        return all_correct or (max_attempts > 0 and attempts >= max_attempts)
    return False  # "never", and any unknown rule fails closed
