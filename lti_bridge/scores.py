"""What the runtime does with the 'grade' and 'completion' events blocks publish.

A grade event (Open edX's format: {"value": earned, "max_value": possible, "only_if_higher":
bool}) updates the learner's `Score` and, in the same transaction, queues a `ScoreOutbox` row for
the LTI package to send to the learner's LMS. Rows of the preview tenant are marked SKIPPED: they
have nowhere to go but show what would have been sent.
"""
import logging
import math

from django.db import transaction

from lti_bridge.models import Completion, Platform, Score, ScoreOutbox

log = logging.getLogger(__name__)


class BadEvent(ValueError):
    """A block published an event the bridge cannot record."""


def _number(event, name):
    try:
        value = float(event[name])
    except KeyError:
        raise BadEvent(f"missing {name!r}") from None
    except (TypeError, ValueError):
        raise BadEvent(f"{name!r} is not a number: {event[name]!r}") from None
    if not math.isfinite(value) or value < 0:
        raise BadEvent(f"{name!r} must be a finite number >= 0, got {value}")
    return value


def record_grade(learner, usage_id, event):
    """Store a grade event; returns the current Score (None if the event was unusable)."""
    try:
        earned, possible = _number(event, "value"), _number(event, "max_value")
        if earned > possible:
            raise BadEvent(f"value {earned} exceeds max_value {possible}")
    except BadEvent as error:
        log.warning("grade event of %s for learner %s ignored: %s", usage_id, learner.pk, error)
        return None
    with transaction.atomic():
        score = Score.objects.select_for_update().filter(learner=learner, usage_id=usage_id).first()
        if score is not None:
            unchanged = (score.earned, score.possible) == (earned, possible)
            not_better = event.get("only_if_higher") and _fraction(earned, possible) <= score.fraction
            if unchanged or not_better:
                return score
            score.earned, score.possible = earned, possible
            score.save(update_fields=["earned", "possible", "modified_at"])
        else:
            score = Score.objects.create(learner=learner, usage_id=usage_id, earned=earned, possible=possible)
        preview = learner.platform.kind == Platform.KIND_PREVIEW
        ScoreOutbox.objects.create(
            learner=learner, usage_id=usage_id, score_given=earned, score_maximum=possible,
            status=ScoreOutbox.SKIPPED if preview else ScoreOutbox.PENDING,
        )
    return score


def record_completion(learner, usage_id, event):
    """Store a completion event ({"completion": 0..1})."""
    try:
        value = _number(event, "completion")
        if value > 1:
            raise BadEvent(f"completion must be within 0..1, got {value}")
    except BadEvent as error:
        log.warning("completion event of %s for learner %s ignored: %s", usage_id, learner.pk, error)
        return None
    completion, _ = Completion.objects.update_or_create(
        learner=learner, usage_id=usage_id, defaults={"completion": value}
    )
    return completion


def _fraction(earned, possible):
    return earned / possible if possible else 0.0
