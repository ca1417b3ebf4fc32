"""Gating and summary rules on plain step facts, and reading facts from arbitrary child blocks."""
from __future__ import annotations

import pytest
from xblock.core import XBlock
from xblock.fields import Float, Scope
from xblock.scorable import ScorableXBlockMixin, Score

from tests.unit.xblocks.coding_exercise_support import load_block, render
from xblocks.bootcamp_module.children import read_score, read_skills
from xblocks.bootcamp_module.progress import StepFacts, gate, summarise


def step(name, scored=False, earned=0.0, possible=0.0, weight=1.0, completed=False, skills=()):
    return StepFacts(name, name.title(), "quiz" if scored else "lesson", scored, earned, possible, weight,
                     completed, list(skills))


def locks(states):
    return [s.locked for s in states]


def test_only_scored_steps_that_are_not_passed_lock_what_follows():
    steps = [step("lecon"), step("quiz", True, 1, 2), step("lecon2"), step("exo", True, 1, 1), step("fin")]
    states = gate(steps, 0.8, gating=True, sees_everything=False)
    assert locks(states) == [False, False, True, True, True]
    assert [b.usage_id for b in states[4].blockers] == ["quiz"]  # exo is passed: not a blocker


def test_an_unread_lesson_never_locks_anything():
    states = gate([step("lecon"), step("quiz", True, 0, 1)], 0.8, True, False)
    assert locks(states) == [False, False]


def test_exact_threshold_passes_despite_float_rounding():
    # 0.7 x 10 = 7.000000000000001 in floats: 7 points out of 10 must still pass at 70 %.
    assert step("q", True, 7, 10).passed(0.7)
    assert not step("q", True, 6.99, 10).passed(0.7)


def test_threshold_zero_only_requires_a_score_to_exist():
    states = gate([step("quiz", True, 0, 1), step("next")], 0.0, True, False)
    assert locks(states) == [False, False]


def test_summary_weights_scores_and_counts_steps():
    steps = [step("lecon", completed=True), step("quiz", True, 2, 2, weight=1, skills=["sql"]),
             step("exo", True, 0, 1, weight=3, skills=["sql", "python"]), step("lecon2", skills=["git"])]
    s = summarise(steps, 0.8)
    assert (s.steps_done, s.steps_total) == (2, 4)
    assert s.score == pytest.approx(0.25)   # (1 x 100 % + 3 x 0 %) / 4
    assert [(k.name, k.mastered, k.assessed) for k in s.skills] == [
        ("sql", False, True), ("python", False, True), ("git", False, False)]
    assert not s.complete and s.progress == 0.5


def test_a_skill_is_mastered_when_every_scored_step_tagged_with_it_is_passed():
    steps = [step("q1", True, 1, 1, skills=["loops"]), step("q2", True, 0.9, 1, skills=["loops"]),
             step("lesson", skills=["loops"])]  # an unread lesson does not hold mastery back
    assert [(k.name, k.mastered) for k in summarise(steps, 0.8).skills] == [("loops", True)]


def test_summary_without_scored_steps_has_no_score():
    s = summarise([step("lecon", completed=True)], 0.8)
    assert s.score is None and s.complete


# ------------------------------------------------------------------ reading child blocks

class BrokenScoreBlock(ScorableXBlockMixin, XBlock):
    """A third-party problem whose score API fails."""

    def max_score(self):
        return 1.0

    def get_score(self):
        raise RuntimeError("score store unavailable")


class NoMaximumBlock(ScorableXBlockMixin, XBlock):
    """Declares has_score but has nothing to earn: it could never be passed."""

    earned = Float(default=0.0, scope=Scope.user_state)

    def max_score(self):
        return 0

    def get_score(self):
        return Score(0, 0)


class HalfBlock(ScorableXBlockMixin, XBlock):
    """Only the ScorableXBlockMixin API, no max_score(): the score's raw_possible is used."""

    def get_score(self):
        return Score(raw_earned=1.5, raw_possible=3.0)


@XBlock.register_temp_plugin(BrokenScoreBlock, "broken_problem")
@XBlock.register_temp_plugin(NoMaximumBlock, "survey")
@XBlock.register_temp_plugin(HalfBlock, "half_problem")
def test_scores_are_read_through_the_scorable_api_and_failures_do_not_break_the_module(caplog):
    block = load_block('<bootcamp_module><half_problem/><broken_problem/><survey/><lesson><body>x</body></lesson>'
                       '</bootcamp_module>')
    half, broken, survey, lesson = (block.runtime.get_block(c) for c in block.children)
    assert read_score(half) == (True, 1.5, 3.0)
    assert read_score(broken) == (True, 0.0, 1.0)  # counts as not passed: it keeps what follows locked
    assert "could not read the score" in caplog.text
    assert read_score(survey) == (False, 0.0, 0.0)
    assert read_score(lesson) == (False, 0.0, 0.0)
    html = render(block)
    assert html.count("is-locked") == 3  # half is at 50 %: every step after it stays locked


def test_skills_are_read_from_lists_or_strings():
    class Child:
        skills = "sql.select  sql.join"

    assert read_skills(Child()) == ["sql.select", "sql.join"]
    Child.skills = ["python.loops", " "]
    assert read_skills(Child()) == ["python.loops"]
    Child.skills = None
    assert read_skills(Child()) == []
