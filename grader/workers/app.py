"""The grading service's Celery application: the same for callers and workers.

JSON only, both ways (workers never unpickle what the broker hands them); one job at a time per
worker process (prefetch 1) acknowledged after it is graded (acks_late), so a job taken by a
worker that vanishes is not lost silently; time limits come with each job (grader.workers.jobs).
"""
from __future__ import annotations

import logging
import ssl
from urllib.parse import urlsplit

from celery import Celery
from celery.exceptions import SoftTimeLimitExceeded

from grader.verdict import Verdict
from grader.workers import grading_here, jobs
from grader.workers.settings import Settings, scheme

log = logging.getLogger(__name__)

GRADE_TASK = "jobintech.grader.grade"
SNIPPET_TASK = "jobintech.grader.run_snippet"
RESULT_EXPIRES_SECONDS = 3600  # verdicts nobody fetched (the caller gave up) leave Redis
CONNECT_TIMEOUT_SECONDS = 3.0
# A caller (a learner waiting on a page) tries a connection twice, then reports the service
# unreachable; a worker keeps Celery's patient defaults and waits for the broker to come back.
CALLER_RETRIES = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5}


def _error(text: str) -> dict:
    return Verdict("error", message=text).to_dict()


def grade_task(job):
    """Grade one submission here; returns Verdict.to_dict() unredacted (the caller redacts)."""
    # grader.api is imported here, in the worker's child process, not in the parent that forks
    # the children: each sandbox module then picks its own range of sandbox user ids.
    from grader import api

    def work():
        exercise, files = jobs.exercise_from_job(job)
        with grading_here():
            return api.grade(exercise, files).to_dict()

    return _answer("grading", work)


def run_snippet_task(job):
    """Run a lesson's snippet here; returns Verdict.to_dict()."""
    from grader import api

    def work():
        language, code, limits = jobs.snippet_from_job(job)
        with grading_here():
            return api.run_snippet(language, code, limits).to_dict()

    return _answer("snippet", work)


def _answer(kind: str, work):
    """work()'s answer, or the error verdict a malformed or overlong *kind* job gets instead."""
    from grader.exercise import ExerciseError
    try:
        return work()
    except (jobs.JobError, ExerciseError) as exc:
        log.warning("refused a malformed %s job: %s", kind, exc)
        return _error(f"the {kind} job was malformed: {exc}")
    except SoftTimeLimitExceeded:
        log.warning("a %s job ran out of time on this worker", kind)
        return _error("the grading worker ran out of time for this job")


def _tls_options(settings: Settings) -> dict:
    """Verified TLS for amqps:// and rediss:// URLs: the broker carries learner code and hidden
    tests, so a certificate that does not check out must stop the connection (Celery's own
    default for rediss:// is not to verify)."""
    options = {}
    ca = settings.tls_ca or None
    broker = scheme(settings.broker)
    if broker == "amqps":
        options["broker_use_ssl"] = {"context": {"cafile": ca, "check_hostname": True},
                                     "server_hostname": urlsplit(settings.broker).hostname}
    elif broker == "rediss":
        options["broker_use_ssl"] = {"ssl_cert_reqs": ssl.CERT_REQUIRED, "ssl_ca_certs": ca}
    if scheme(settings.results) == "rediss":
        options["redis_backend_use_ssl"] = {"ssl_cert_reqs": ssl.CERT_REQUIRED, "ssl_ca_certs": ca}
    return options


def make_app(settings: Settings, caller: bool = False) -> Celery:
    """The app for *settings*; *caller*: for the side that sends jobs (fail fast)."""
    app = Celery("jobintech-grader", broker=settings.broker, backend=settings.results,
                 set_as_current=False)
    app.conf.update(
        task_serializer="json", result_serializer="json", event_serializer="json",
        accept_content=["json"], result_accept_content=["json"],
        task_acks_late=True, worker_prefetch_multiplier=1,
        # A worker process that dies mid-job fails the job (the caller gets an error verdict at
        # once) rather than handing it to the next worker, which the same code might kill too.
        task_reject_on_worker_lost=False,
        worker_cancel_long_running_tasks_on_connection_loss=True,
        task_default_queue=settings.queue,
        task_routes={"jobintech.grader.*": {"queue": settings.queue, "routing_key": settings.queue}},
        result_expires=RESULT_EXPIRES_SECONDS,
        broker_connection_timeout=CONNECT_TIMEOUT_SECONDS,
        broker_connection_retry_on_startup=True,
        redis_socket_connect_timeout=CONNECT_TIMEOUT_SECONDS,
        worker_send_task_events=False,
        **_tls_options(settings),
    )
    if caller:
        app.conf.broker_transport_options = dict(CALLER_RETRIES)
        app.conf.result_backend_transport_options = {"retry_policy": dict(CALLER_RETRIES)}
    app.task(name=GRADE_TASK)(grade_task)
    app.task(name=SNIPPET_TASK)(run_snippet_task)
    return app
