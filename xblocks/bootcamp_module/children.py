"""Facts about a module's child blocks, read through the public XBlock APIs only.

Scores come from ScorableXBlockMixin (get_score()/max_score()), completion from the runtime's
completion service when there is one (Open edX) or else the child's own state, so any XBlock
can be a step and the module works the same in Open edX, the LTI bridge and the toy runtime.
"""
from __future__ import annotations

import logging

from xblocks.bootcamp_module.progress import StepFacts

log = logging.getLogger(__name__)


def _number(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def read_score(child) -> tuple[bool, float, float]:
    """(scored, earned, possible). A block whose maximum is not a positive number is unscored:
    it could never be passed, so it must not lock the steps after it."""
    if not getattr(child, "has_score", False):
        return False, 0.0, 0.0
    possible = earned = None
    try:
        if callable(getattr(child, "max_score", None)):
            possible = _number(child.max_score())
        score = child.get_score() if callable(getattr(child, "get_score", None)) else None
    except NotImplementedError:
        score = None
    except Exception:  # a broken child must not take the whole module down
        log.exception("could not read the score of %s", child.scope_ids.usage_id)
        score = None
    if score is not None:
        earned = _number(getattr(score, "raw_earned", None))
        if possible is None:
            possible = _number(getattr(score, "raw_possible", None))
    if not possible or possible <= 0:
        return False, 0.0, 0.0
    return True, max(0.0, earned or 0.0), possible


def read_completed(child, completion_service=None) -> bool:
    usage_id = child.scope_ids.usage_id
    if completion_service is not None:
        try:
            if completion_service.completion_tracking_enabled():
                return (completion_service.get_completions([usage_id]).get(usage_id) or 0.0) >= 1.0
        except Exception:  # fall back to the child's own state
            log.exception("completion service failed for %s", usage_id)
    has_submitted = getattr(child, "has_submitted_answer", None)
    if callable(has_submitted):
        try:
            if has_submitted():
                return True
        except NotImplementedError:
            pass
    return bool(getattr(child, "completed", False))


def read_skills(child) -> list[str]:
    skills = getattr(child, "skills", None)
    if isinstance(skills, str):
        return skills.split()
    if isinstance(skills, (list, tuple)):
        return [str(s) for s in skills if str(s).strip()]
    return []


def step_facts(child, completion_service=None) -> StepFacts:
    scored, earned, possible = read_score(child)
    weight = _number(getattr(child, "weight", 1.0))
    return StepFacts(
        usage_id=str(child.scope_ids.usage_id),
        title=getattr(child, "display_name", None) or child.scope_ids.block_type,
        block_type=child.scope_ids.block_type,
        scored=scored, earned=earned, possible=possible,
        weight=1.0 if weight is None or weight < 0 else weight,
        completed=read_completed(child, completion_service),
        skills=read_skills(child),
    )


def user_is_staff(block) -> bool:
    """Course staff see every step unlocked (Open edX's user service, or the old runtime flag)."""
    try:
        service = block.runtime.service(block, "user")
    except Exception:
        service = None
    if service is not None:
        try:
            user = service.get_current_user()
            return bool(user.opt_attrs.get("edx-platform.user_is_staff", False))
        except Exception:
            log.exception("user service failed")
    return bool(getattr(block.runtime, "user_is_staff", False))
