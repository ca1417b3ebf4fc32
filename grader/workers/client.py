"""The caller's side: send a job to the grader workers, wait for the verdict, never raise.

Whatever goes wrong on the way (broker down, workers stopped or overloaded, a worker dying
mid-job) ends in Verdict("error") with a message for the staff's logs; the learner's block shows
its own translated "the grader could not run your code" and counts no attempt.
"""
from __future__ import annotations

import functools
import logging

from celery.exceptions import TimeoutError as CeleryTimeout
from kombu.utils.url import maybe_sanitize_url

from grader.exercise import Exercise, Limits
from grader.verdict import Verdict
from grader.workers import jobs
from grader.workers.app import GRADE_TASK, SNIPPET_TASK, make_app
from grader.workers.settings import Settings, SettingsError

log = logging.getLogger(__name__)

UNREACHABLE = ("the grading service is unreachable: could not send the job ({reason}); check that "
               "the broker ({broker}) and the result store ({results}) run and that "
               "JOBINTECH_GRADER_BROKER and JOBINTECH_GRADER_RESULTS are right")
NO_RESULTS = ("the grading service is unreachable: could not read the verdict from {results} "
              "({reason}); check that Redis runs and JOBINTECH_GRADER_RESULTS is right")
OVERLOADED = ("the grading service did not answer within {seconds:g} seconds: the grader workers "
              "are overloaded or not running (queue {queue!r})")
WORKER_FAILED = "a grader worker failed on this job ({reason}); see the worker's log"
NOT_CONFIGURED = "the grading service is not configured: {reason}"
MALFORMED = "a grader worker sent back a malformed verdict: {reason}"


@functools.lru_cache(maxsize=4)
def client_app(settings: Settings):
    """One Celery app per settings, kept: it holds the broker and Redis connection pools."""
    return make_app(settings, caller=True)


def _reason(exc: BaseException) -> str:
    # Celery wraps a lost Redis connection in a RuntimeError whose own text misleads here.
    if isinstance(exc, RuntimeError) and exc.__cause__ is not None:
        exc = exc.__cause__
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _failed(text: str, broken: bool = False) -> Verdict:
    if broken:
        # Celery's result consumer gives up for good after a lost Redis connection: build a
        # fresh app next time rather than failing until the process restarts.
        client_app.cache_clear()
    log.warning("grading through the workers failed: %s", text)
    return Verdict("error", message=text)


def grade(exercise: Exercise, files: dict[str, str]) -> Verdict:
    """Grade on a worker; same contract as grader.api.grade once the submission is checked."""
    return _call(GRADE_TASK, jobs.grade_job(exercise, files), exercise.limits)


def run_snippet(language: str, code: str, limits: Limits) -> Verdict:
    return _call(SNIPPET_TASK, jobs.snippet_job(language, code, limits), limits)


def _call(task: str, job: dict, limits: Limits) -> Verdict:
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        return _failed(NOT_CONFIGURED.format(reason=exc))
    soft, hard = jobs.time_limits(limits)
    wait = limits.wall_seconds + settings.timeout
    try:
        app = client_app(settings)
        # No retries: a learner waiting on a page is better served by a quick, clear failure.
        # expires: a job still queued when its caller has given up is dropped, not graded.
        result = app.send_task(task, args=[job], queue=settings.queue, routing_key=settings.queue,
                               soft_time_limit=soft, time_limit=hard, expires=wait, retry=False)
    except Exception as exc:  # kombu, amqp and redis each raise their own connection errors
        return _failed(UNREACHABLE.format(reason=_reason(exc), broker=maybe_sanitize_url(settings.broker),
                                          results=maybe_sanitize_url(settings.results)), broken=True)
    try:
        data = result.get(timeout=wait, propagate=False, disable_sync_subtasks=False)
        state = result.state
    except CeleryTimeout:
        return _failed(OVERLOADED.format(seconds=wait, queue=settings.queue))
    except Exception as exc:
        return _failed(NO_RESULTS.format(results=maybe_sanitize_url(settings.results), reason=_reason(exc)),
                       broken=True)
    finally:
        _forget(result)
    if state != "SUCCESS":
        return _failed(WORKER_FAILED.format(reason=_reason(data) if isinstance(data, BaseException)
                                            else f"the job ended in state {state}"))
    try:
        return jobs.verdict_from_dict(data)
    except jobs.JobError as exc:
        return _failed(MALFORMED.format(reason=exc))


def _forget(result) -> None:
    """Delete the stored verdict now that it is read (Redis would keep it for an hour)."""
    try:
        result.forget()
    except Exception:  # the verdict is in hand; a failed clean-up only costs Redis memory
        log.debug("could not delete a fetched verdict", exc_info=True)
