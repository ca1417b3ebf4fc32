"""Run a grader worker: `python -m grader.workers worker [--concurrency N]`.

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
    return p


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
    if args.concurrency < 1:
        print("error: --concurrency must be at least 1", file=sys.stderr)
        return 2
    try:
        settings = Settings.from_env(dict(os.environ, JOBINTECH_GRADER_BACKEND="celery"))
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
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

