"""Mastery gating and the module summary, from plain facts about each step (no XBlock here).

A step is *scored* when its block has a score (quizzes, coding exercises). A scored step is
*passed* once its score reaches mastery_threshold x its maximum. A step unlocks when every
scored step before it is passed; unscored steps (lessons) never block anything.
"""
from __future__ import annotations

from dataclasses import dataclass, field

_EPSILON = 1e-9  # 0.8 x 5 points computed in floats must still pass at exactly 4 points


@dataclass
class StepFacts:
    usage_id: str
    title: str
    block_type: str
    scored: bool = False
    earned: float = 0.0
    possible: float = 0.0
    weight: float = 1.0
    completed: bool = False  # unscored steps: read/viewed; scored steps: answered at least once
    skills: list[str] = field(default_factory=list)

    @property
    def fraction(self) -> float:
        if not self.scored or self.possible <= 0:
            return 0.0
        return min(1.0, max(0.0, self.earned / self.possible))

    def passed(self, threshold: float) -> bool:
        return self.scored and self.possible > 0 and self.fraction >= threshold - _EPSILON

    def done(self, threshold: float) -> bool:
        return self.passed(threshold) if self.scored else self.completed


@dataclass
class StepState:
    facts: StepFacts
    locked: bool
    blockers: list[StepFacts]  # the scored steps before it that are not passed yet
    done: bool


def gate(steps: list[StepFacts], threshold: float, gating: bool, sees_everything: bool) -> list[StepState]:
    """Lock state of every step, in order. Staff (sees_everything) and gating=False lock nothing."""
    states = []
    not_passed: list[StepFacts] = []
    for step in steps:
        locked = gating and not sees_everything and bool(not_passed)
        states.append(StepState(step, locked, list(not_passed) if locked else [], step.done(threshold)))
        if step.scored and not step.passed(threshold):
            not_passed.append(step)
    return states


@dataclass
class SkillState:
    name: str
    mastered: bool
    assessed: bool  # at least one scored step is tagged with it


@dataclass
class Summary:
    steps_done: int
    steps_total: int
    score: float | None  # weighted mean of scored steps' fractions, None without scored steps
    skills: list[SkillState]

    @property
    def progress(self) -> float:
        return self.steps_done / self.steps_total if self.steps_total else 0.0

    @property
    def complete(self) -> bool:
        return self.steps_total > 0 and self.steps_done == self.steps_total


def summarise(steps: list[StepFacts], threshold: float) -> Summary:
    """Steps done, the module's score, and which skills are mastered.

    A skill is mastered when at least one scored step carries it and every scored step that
    carries it is passed. Skills only lessons carry are listed as not assessed.
    """
    scored = [s for s in steps if s.scored and s.possible > 0]
    total_weight = sum(max(0.0, s.weight) for s in scored)
    score = None
    if scored and total_weight > 0:
        score = sum(max(0.0, s.weight) * s.fraction for s in scored) / total_weight
    elif scored:
        score = sum(s.fraction for s in scored) / len(scored)  # all weights 0: plain mean
    names: list[str] = []
    for s in steps:
        names.extend(n for n in s.skills if n not in names)
    skills = []
    for name in names:
        tagged = [s for s in scored if name in s.skills]
        skills.append(SkillState(name, bool(tagged) and all(s.passed(threshold) for s in tagged), bool(tagged)))
    return Summary(sum(1 for s in steps if s.done(threshold)), len(steps), score, skills)
