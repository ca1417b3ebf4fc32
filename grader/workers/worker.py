"""Run a grader worker: `python -m grader.workers worker [--concurrency N]`;
check the service from a caller's machine: `python -m grader.workers check`.

Each worker process grades one job at a time with the local runners and keeps its own warm pool
of sandboxes (grader.pool), made in that process: sandboxes die with the thread that started
them, so none may be inherited across the fork that creates the process.
"""
from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import time

from grader.workers.app import make_app
from grader.workers.settings import Settings, SettingsError

POOL_SIZE_ENV = "JOBINTECH_WARM_POOL"  # grader.pool's setting; not imported: see module doc
WORKER_POOL_SIZE = "2"  # one process grades one job at a time: two warm sandboxes per kind suffice
UNSAFE_ENV = "JOBINTECH_UNSAFE_NO_SANDBOX"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m grader.workers",
                                description="Run a JobInTech grader worker (settings: see "
                                            "docs/operators/grader-workers.md).")
    sub = p.add_subparsers(dest="command", required=True)
    w = sub.add_parser("worker", help="grade jobs from the queue until stopped")
    w.add_argument("--concurrency", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="jobs graded at once, one process each (default: number of cores)")
    w.add_argument("--loglevel", default="info", choices=("debug", "info", "warning", "error"))
    w.add_argument("--hostname", default=f"grader.{os.getpid()}@%h",
                   help="the worker's node name (default grader.PID@host)")
    sub.add_parser("check", help="grade a tiny Python exercise through the workers; exit 0 if it passed")
    return p


def check(settings: Settings) -> int:
    """Send one small job through the service as the LMS would, and say how it went."""
    from grader.exercise import Exercise, SourceFile
    from grader.workers import client

    exercise = Exercise("python", (SourceFile("test_check.py", "import check\n\n"
                                              "def test_answer():\n    assert check.answer() == 42\n"),))
    start = time.monotonic()
    verdict = client.grade(exercise, {"check.py": "def answer():\n    return 6 * 7\n"})
    seconds = time.monotonic() - start
    if verdict.status == "ok" and verdict.passed == 1:
        print(f"ok: a worker on queue {settings.queue!r} graded a test job in {seconds:.2f} s")
        return 0
    print(f"error: the test job ended in {verdict.status!r} after {seconds:.2f} s: "
          f"{verdict.message or verdict.to_dict()['tests']}", file=sys.stderr)
    return 1


def _check_sandbox() -> str | None:
    # Checked here without importing grader.sandbox: that module fixes its sandbox user ids from
    # the importing process's pid, and this process forks the ones that grade.
    if os.environ.get(UNSAFE_ENV) == "1":
        return None
    if shutil.which("bwrap") is None:
        return ("bubblewrap (bwrap) is not installed on this machine, so it cannot grade: "
                "install it (apt-get install bubblewrap)")
    return None


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "worker" and args.concurrency < 1:
        print("error: --concurrency must be at least 1", file=sys.stderr)
        return 2
    try:
        settings = Settings.from_env(dict(os.environ, JOBINTECH_GRADER_BACKEND="celery"))
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.command == "check":
        return check(settings)
    problem = _check_sandbox()
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    os.environ.setdefault(POOL_SIZE_ENV, WORKER_POOL_SIZE)
    # Celery logs each job's return value at INFO: a verdict names hidden tests and carries what
    # the learner's code printed, which does not belong in logs. Failures are still logged.
    logging.getLogger("celery.app.trace").setLevel(logging.WARNING)
    app = make_app(settings)
    app.worker_main(["worker", "--queues", settings.queue, "--concurrency", str(args.concurrency),
                     "--pool", "prefork", "--prefetch-multiplier", "1", "--loglevel", args.loglevel,
                     "--hostname", args.hostname, "--without-gossip", "--without-mingle"])
    return 0

