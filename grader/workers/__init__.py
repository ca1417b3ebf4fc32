"""Grading on worker machines through Celery, for sites that outgrow one server.

By default grader.api grades in its own process (a warm pool of sandboxes). With
JOBINTECH_GRADER_BACKEND=celery it sends each job, as plain JSON, to a queue that grader workers
(`python -m grader.workers worker`) read; they grade with the same local runners and send the
verdict back. See docs/operators/grader-workers.md and grader.workers.settings.

This module stays light (no Celery import) because grader.api asks it on every call.
"""
from __future__ import annotations

import contextlib
import contextvars

from grader.workers.settings import backend

# Set while a worker grades a job: a worker configured with the same environment as the LMS
# (JOBINTECH_GRADER_BACKEND=celery) must grade the job itself, not send it to the queue again.
_grading_here = contextvars.ContextVar("jobintech_grading_here", default=False)


def remote_backend_selected() -> bool:
    """True when grader.api should send jobs to the workers (any value but 'local', so that a
    misspelt backend ends in a clear error verdict instead of silently grading in-process)."""
    return not _grading_here.get() and backend() != "local"


@contextlib.contextmanager
def grading_here():
    """Grade in this process whatever the environment says (used by the worker's tasks)."""
    token = _grading_here.set(True)
    try:
        yield
    finally:
        _grading_here.reset(token)


def grade(exercise, files):
    from grader.workers import client
    return client.grade(exercise, files)


def run_snippet(language, code, limits):
    from grader.workers import client
    return client.run_snippet(language, code, limits)
