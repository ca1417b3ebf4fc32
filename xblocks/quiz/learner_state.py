"""What a learner may see of a quiz: results of their attempts, and answers only when allowed.

Everything sent to the browser (page HTML and handler JSON) goes through these functions, so the
secrecy of correct answers is decided in one place: `visible_solutions`.
"""
from __future__ import annotations

import math

from xblocks.common.i18n import format_number
from xblocks.quiz.questions import (
    QuestionResult, QuizDefinition, answer_visible, parse_number, solution,
)

MAX_TEXT_ANSWER = 1000


class AnswerError(ValueError):
    """A submitted answer has the wrong shape. question_id is None when the whole body is wrong."""

    def __init__(self, question_id: str | None = None):
        super().__init__(question_id or "submission")
        self.question_id = question_id


def clean_answers(d: QuizDefinition, raw) -> dict:
    """Check the shape of a submission {question_id: answer}; unknown ids are dropped."""
    if not isinstance(raw, dict):
        raise AnswerError()
    answers = {}
    for q in d.questions:
        if q.id not in raw or raw[q.id] in (None, "", []):
            continue
        value = raw[q.id]
        if q.type == "single":
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif q.type == "multiple":
            # No more picks than options: the answer is stored in the learner's state.
            ok = (isinstance(value, list) and len(value) <= len(q.options)
                  and all(isinstance(v, int) and not isinstance(v, bool) for v in value))
        elif q.type == "text":
            ok = isinstance(value, str) and len(value) <= MAX_TEXT_ANSWER
        else:
            # NaN/Infinity (which Python's JSON reader accepts) would not store as JSON elsewhere.
            ok = (isinstance(value, str) and len(value) <= 100) or (
                isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value))
        if not ok:
            raise AnswerError(q.id)
        answers[q.id] = value
    return answers


def all_correct(d: QuizDefinition, results: dict) -> bool:
    return bool(d.questions) and all(
        results.get(q.id, {}).get("correct", False) for q in d.questions)


def result_to_dict(result: QuestionResult) -> dict:
    return {"earned": result.earned, "points": result.points, "correct": result.correct,
            "answered": result.answered, "feedback": list(result.feedback)}


def visible_solutions(d: QuizDefinition, attempts: int, results: dict) -> dict:
    """{question_id: solution} when the quiz's show_answer rule allows it now, else {}."""
    if answer_visible(d.show_answer, attempts, d.max_attempts, all_correct(d, results)):
        return {q.id: solution(q) for q in d.questions}
    return {}


def attempts_left(d: QuizDefinition, attempts: int) -> int | None:
    return None if d.max_attempts == 0 else max(0, d.max_attempts - attempts)


def learner_state(d: QuizDefinition, *, attempts: int, answers: dict, results: dict,
                  earned: float | None, tr) -> dict:
    """The JSON the front-end renders from (initial page and every submit response)."""
    left = attempts_left(d, attempts)
    solved = all_correct(d, results)
    possible = d.max_score
    state = {
        "attempts": attempts,
        "max_attempts": d.max_attempts,
        "attempts_left": left,
        "can_submit": bool(d.questions) and (left is None or left > 0) and not solved,
        "answers": answers,
        "results": {qid: {**r, "earned_text": format_number(r.get("earned", 0), tr.language),
                          "points_text": format_number(r.get("points", 0), tr.language)}
                    for qid, r in results.items()},
        "solutions": visible_solutions(d, attempts, results),
        "score": None,
        "status": "",
    }
    if earned is not None:
        state["score"] = {"earned": earned, "possible": possible}
        state["status"] = tr.gettext("Score: {earned} / {possible}").format(
            earned=format_number(earned, tr.language), possible=format_number(possible, tr.language))
    if left is not None and not solved:
        state["attempts_text"] = tr.ngettext(
            "{count} attempt left", "{count} attempts left", left).format(count=left)
    else:
        state["attempts_text"] = ""
    return state


def prefill_value(question, answer):
    """The learner's last answer in the shape the form uses (strings for text/number inputs)."""
    if answer is None:
        return [] if question.type == "multiple" else ""
    if question.type == "number" and isinstance(answer, (int, float)):
        return str(answer)
    if question.type == "number" and parse_number(answer) is None:
        return ""
    return answer
