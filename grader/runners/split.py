"""What the two-sandbox runners (python.py, javascript.py) share.

Each submission runs in two sandboxes, L (learner code and an agent) and T (the tests and the
harness), connected by two pipes the host creates; see docs/decisions/0001-split-harness.md.
This module holds the language-neutral part: starting and pooling a pair, feeding both sides
their request while L runs in a thread, reading how L ended, and the status messages.
"""
from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import threading
from typing import Callable

from grader.exercise import Exercise, Limits
from grader.pool import default_pool
from grader.sandbox import RunResult, Sandbox, SandboxError
from grader.verdict import Verdict

SIGXCPU = getattr(signal, "SIGXCPU", 24)
GRACE_SECONDS = 3.0  # T's own start-up and reporting, on top of the exercise's wall time
RESULTS_CAP = 8 * 1024 * 1024

# Learner-facing messages: stable ids, English text (the block translates by status / id,
# xblocks/coding_exercise/runner_text.py). Each runner adds its own ids to these.
MESSAGES = {
    "timeout": "Time limit exceeded: your code ran for more than {limit} seconds.",
    "memory": "Memory limit exceeded: your code used more than {limit} MiB.",
    "output_limit": "Output limit exceeded: your code printed more than {limit} KiB.",
    "crash": "Your program stopped (exit status {code}) before the tests could finish.",
    "protocol": "Your program interfered with the grader, so the tests could not finish.",
    "harness": "The tests could not run: {detail}",
    "no_sandbox": "The grader could not start a sandbox: {detail}",
    "no_results": "The tests stopped without reporting a result. {detail}",
}


def message(message_id: str, **params) -> str:
    return MESSAGES[message_id].format(**params)


def tests_limits(limits: Limits, min_processes: int) -> Limits:
    """T runs trusted code but holds the tests and all values that cross the pipes."""
    return dataclasses.replace(
        limits, cpu_seconds=limits.wall_seconds + GRACE_SECONDS,
        wall_seconds=limits.wall_seconds + GRACE_SECONDS, memory_mb=max(512, limits.memory_mb),
        max_processes=max(min_processes, limits.max_processes),
        file_size_kb=max(4096, limits.file_size_kb))


class SandboxPair:
    """L and T, started, connected by two pipes (T->L and L->T), waiting for work. Single use."""

    def __init__(self, learner: Sandbox, tests: Sandbox):
        self.learner, self.tests = learner, tests

    def alive(self) -> bool:
        return self.learner.process.poll() is None and self.tests.process.poll() is None

    def kill(self):
        self.learner.kill()
        self.tests.kill()


# start(read_fd, write_fd) -> Sandbox: the side's own command line, limits and binds.
SideStarter = Callable[[int, int], Sandbox]


def start_pair(start_learner: SideStarter, start_tests: SideStarter) -> SandboxPair:
    """Create the two pipes, start L with (T->L read end, L->T write end) and T with
    (L->T read end, T->L write end), then close the host's copies: only the pair holds them."""
    to_learner_r, to_learner_w = os.pipe()
    to_tests_r, to_tests_w = os.pipe()
    learner = None
    try:
        learner = start_learner(to_learner_r, to_tests_w)
        tests = start_tests(to_tests_r, to_learner_w)
    except BaseException:
        if learner is not None:
            learner.kill()
        raise
    finally:
        for fd in (to_learner_r, to_learner_w, to_tests_r, to_tests_w):
            os.close(fd)
    return SandboxPair(learner, tests)


def exit_status(sandbox: Sandbox, died: bool):
    """L's exit status if it ended on its own (T saw it die: give it a moment to report)."""
    if not died:
        return sandbox.process.poll()
    try:
        return sandbox.process.wait(timeout=1.0)
    except subprocess.TimeoutExpired:  # still running: it closed its pipe but did not exit
        return None


def signal_of(code):
    """The signal that ended a process from its exit status (bwrap reports 128 + signal)."""
    if code is None:
        return None
    if code < 0:
        return -code
    return code - 128 if code > 128 else None


class PairRun:
    """One submission through a pair: L is fed its setup and runs in a thread while T runs here.

    run = PairRun(pair, setup, limits); tests_run = run.tests(request)
    then read L's exit status (L is still there), then learner_run = run.finish().
    """

    def __init__(self, pair: SandboxPair, setup: bytes, limits: Limits):
        self.pair, self.limits, self._runs = pair, limits, {}

        def run_learner():
            self._runs["learner"] = pair.learner.communicate(
                setup, limits.wall_seconds + 2 * GRACE_SECONDS, limits.output_kb * 1024)

        self._thread = threading.Thread(target=run_learner, name="jobintech-learner", daemon=True)
        self._thread.start()

    def tests(self, request: bytes, last_line: bytes | None = None) -> RunResult:
        try:
            return self.pair.tests.communicate(request, self.limits.wall_seconds + GRACE_SECONDS,
                                               RESULTS_CAP, last_line)
        except BaseException:
            self.pair.learner.stop()
            raise

    def finish(self) -> RunResult | None:
        """Stop L and wait for its thread; L's run, or None if its thread recorded nothing."""
        self.pair.learner.stop()
        self._thread.join()
        return self._runs.get("learner")


def no_results(tests_run: RunResult, limits: Limits, output: str = ""):
    """T ended without its final line: a timeout (status, message), or an error Verdict."""
    if tests_run.timed_out:
        return "timeout", message("timeout", limit=limits.wall_seconds)
    detail = tests_run.stderr.decode("utf-8", "replace").strip()[-1000:]
    return Verdict("error", message=message("no_results", detail=detail), output=output)


class PairRunner:
    """Pool plumbing of a two-sandbox runner: subclasses set language, start_pair(limits) and
    start_snippet(limits) (the language module's functions, as static methods), and grade a
    submission on a started pair in grade_on(pair, exercise, files)."""

    language = ""

    def __init__(self, pool=None):
        self._pool = pool

    @property
    def pool(self):
        return self._pool or default_pool()

    def pool_key(self, limits: Limits):
        return (self.language, limits)

    def start_pair(self, limits: Limits) -> SandboxPair:
        raise NotImplementedError

    def start_snippet(self, limits: Limits) -> Sandbox:
        raise NotImplementedError

    def warm(self, limits: Limits, count: int | None = None) -> None:
        self.pool.warm(self.pool_key(limits), lambda: self.start_pair(limits), count)

    def grade_on(self, pair: SandboxPair, exercise: Exercise, files: dict[str, str]) -> Verdict:
        raise NotImplementedError

    def grade(self, exercise: Exercise, files: dict[str, str]) -> Verdict:
        start = lambda: self.start_pair(exercise.limits)  # noqa: E731
        pair = self._take(self.pool_key(exercise.limits), start)
        if not isinstance(pair, Verdict) and not pair.alive():
            # It died while it waited (its zygote was restarted, say): never grade on it.
            pair.kill()
            pair = self._take(None, start)
        if isinstance(pair, Verdict):  # no sandbox could be started
            return pair
        return self.grade_on(pair, exercise, files)

    def take_snippet(self, limits: Limits) -> Sandbox | Verdict:
        return self._take((f"{self.language}-snippet", limits), lambda: self.start_snippet(limits))

    def _take(self, key, start):
        """A warm object for *key* from the pool, or (key None) one started now."""
        try:
            return start() if key is None else self.pool.take(key, start)
        except (SandboxError, OSError) as exc:
            return Verdict("error", message=message("no_sandbox", detail=exc))
