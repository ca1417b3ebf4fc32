"""Python runner: learner code and test code in two sandboxes that talk over pipes.

Sandbox L holds only the learner's files and an agent (harness/python/learner_agent.py) that
answers requests on them; sandbox T holds the tests and the harness (test_harness.py), which
imports learner modules as proxies and reports one result per test on T's own stdout, which
nothing in L can reach. So learner code cannot forge a pass by patching unittest, printing fake
results, exiting early or editing the tests. See docs/decisions/0001-split-harness.md.

Both sandboxes of a pair are started ahead of time by the warm pool and block on their stdin.
"""
from __future__ import annotations

import collections
import dataclasses
import json
import logging
import os
import signal
import threading
from pathlib import Path

from grader.exercise import Exercise, Limits
from grader.pool import default_pool
from grader.sandbox import RunResult, Sandbox, SandboxError
from grader.verdict import TestResult, Verdict

log = logging.getLogger(__name__)

PYTHON_ENV = "JOBINTECH_PYTHON"
DEFAULT_PYTHON = "/usr/bin/python3"
HARNESS_DIR = Path(__file__).resolve().parent.parent / "harness" / "python"
INSIDE = "/opt/jobintech-harness"
GRACE_SECONDS = 3.0  # T's own start-up and reporting, on top of the exercise's wall time
RESULTS_CAP = 8 * 1024 * 1024
SNIPPET_MEMORY_EXIT = 97
AGENT_MEMORY_EXIT = 97  # learner_agent.py's exit status when it ran out of memory itself
SIGXCPU = getattr(signal, "SIGXCPU", 24)

# Learner-facing messages: stable ids, English text (the block translates by status / id).
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


def python_executable() -> str:
    return os.environ.get(PYTHON_ENV) or DEFAULT_PYTHON


def _binds(python: str) -> dict[str, str]:
    binds = {str(HARNESS_DIR): INSIDE}
    if not python.startswith("/usr/"):
        prefix = str(Path(python).resolve().parent.parent)  # e.g. /opt/python3.11
        binds[prefix] = prefix
    return binds


def _tests_limits(limits: Limits) -> Limits:
    """T runs trusted code but holds the tests and all values that cross the pipe."""
    return dataclasses.replace(
        limits, cpu_seconds=limits.wall_seconds + GRACE_SECONDS,
        wall_seconds=limits.wall_seconds + GRACE_SECONDS, memory_mb=max(512, limits.memory_mb),
        max_processes=max(8, limits.max_processes), file_size_kb=max(4096, limits.file_size_kb))


class SandboxPair:
    """L and T, started, connected by two pipes, waiting for work. Single use."""

    def __init__(self, learner: Sandbox, tests: Sandbox):
        self.learner, self.tests = learner, tests

    def kill(self):
        self.learner.kill()
        self.tests.kill()


def start_pair(limits: Limits) -> SandboxPair:
    python = python_executable()
    binds = _binds(python)
    to_learner_r, to_learner_w = os.pipe()
    to_tests_r, to_tests_w = os.pipe()
    learner = None
    try:
        learner = Sandbox.start(
            [python, "-I", f"{INSIDE}/learner_agent.py", str(to_learner_r), str(to_tests_w)],
            limits=limits, binds=binds, pass_fds=(to_learner_r, to_tests_w))
        tests = Sandbox.start(
            [python, "-I", f"{INSIDE}/test_harness.py", str(to_learner_w), str(to_tests_r)],
            limits=_tests_limits(limits), binds=binds, pass_fds=(to_learner_w, to_tests_r))
    except BaseException:
        if learner is not None:
            learner.kill()
        raise
    finally:
        for fd in (to_learner_r, to_learner_w, to_tests_r, to_tests_w):
            os.close(fd)
    return SandboxPair(learner, tests)


def start_snippet(limits: Limits) -> Sandbox:
    python = python_executable()
    return Sandbox.start([python, "-I", f"{INSIDE}/snippet_runner.py"], limits=limits,
                         binds=_binds(python))


def learner_modules(names) -> list[str]:
    """Top-level module names the submission provides: somme.py -> somme, models/x.py -> models."""
    found = set()
    for name in names:
        first, _, rest = name.partition("/")
        if rest:
            found.add(first)
        elif first.endswith(".py"):
            found.add(first[:-3])
    return sorted(n for n in found if n.isidentifier())


def _stop(sandbox: Sandbox) -> None:
    """Kill a sandbox whose communicate() runs in another thread (which then cleans up)."""
    try:
        os.killpg(sandbox.process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


class PythonRunner:
    language = "python"

    def __init__(self, pool=None):
        self._pool = pool

    @property
    def pool(self):
        return self._pool or default_pool()

    def pool_key(self, limits: Limits):
        return ("python", limits)

    def warm(self, limits: Limits, count: int | None = None) -> None:
        self.pool.warm(self.pool_key(limits), lambda: start_pair(limits), count)

    def grade(self, exercise: Exercise, files: dict[str, str]) -> Verdict:
        limits = exercise.limits
        try:
            pair = self.pool.take(self.pool_key(limits), lambda: start_pair(limits))
        except (SandboxError, OSError) as exc:
            return Verdict("error", message=message("no_sandbox", detail=exc))
        setup = {"files": files, "output_cap": limits.output_kb * 1024}
        request = {"tests": [{"name": t.name, "content": t.content} for t in exercise.tests],
                   "learner_modules": learner_modules(files),
                   # modules the exercise expects (its starter files): missing = learner's fault
                   "expected_modules": learner_modules([*files, *exercise.submission_names()]),
                   "learner_files": sorted(files), "wall_seconds": limits.wall_seconds}
        runs = {}

        def run_learner():
            runs["learner"] = pair.learner.communicate(
                json.dumps(setup).encode("utf-8", "surrogatepass"),
                limits.wall_seconds + 2 * GRACE_SECONDS, limits.output_kb * 1024)

        thread = threading.Thread(target=run_learner, name="jobintech-learner", daemon=True)
        thread.start()
        try:
            tests_run = pair.tests.communicate(json.dumps(request).encode("utf-8", "surrogatepass"),
                                               limits.wall_seconds + GRACE_SECONDS, RESULTS_CAP)
        except BaseException:
            _stop(pair.learner)
            raise
        learner_code = _exit_status(pair.learner, b'"unavailable": "died"' in tests_run.stdout)
        _stop(pair.learner)
        thread.join()
        hidden = {t.name for t in exercise.tests if t.hidden}
        learner_run = runs.get("learner") or RunResult(learner_code, b"", b"")
        return _verdict(tests_run, learner_run, learner_code, limits, hidden)

    def run_snippet(self, code: str, limits: Limits | None = None) -> Verdict:
        """Run a lesson's "try it" snippet: no tests; Verdict.output is what it printed."""
        limits = (limits or Limits()).validate()
        try:
            sandbox = self.pool.take(("python-snippet", limits), lambda: start_snippet(limits))
        except (SandboxError, OSError) as exc:
            return Verdict("error", message=message("no_sandbox", detail=exc))
        run = sandbox.communicate(code.encode("utf-8", "surrogatepass"), limits.wall_seconds,
                                  limits.output_kb * 1024)
        output = run.stdout.decode("utf-8", "replace")
        status, text = "ok", ""
        if run.output_exceeded:
            status, text = "output_limit", message("output_limit", limit=limits.output_kb)
        elif run.timed_out or run.signal in (SIGXCPU, signal.SIGKILL):
            status, text = "timeout", message("timeout", limit=limits.cpu_seconds
                                              if run.signal else limits.wall_seconds)
        elif run.returncode == SNIPPET_MEMORY_EXIT:
            status, text = "memory", message("memory", limit=limits.memory_mb)
        elif run.signal is not None:
            status, text = "crash", message("crash", code=run.returncode)
        return Verdict(status, message=text, output=output)


def _exit_status(sandbox: Sandbox, died: bool):
    """L's exit status if it ended on its own (T saw it die: give bwrap a moment to report)."""
    if not died:
        return sandbox.process.poll()
    try:
        return sandbox.process.wait(timeout=1.0)
    except Exception:  # still running: it closed its pipe but did not exit
        return None


def _parse(stdout: bytes):
    records, done, fatal = [], None, None
    for line in stdout.decode("utf-8", "replace").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if not isinstance(record, dict):
            continue
        if "fatal" in record:
            fatal = str(record["fatal"])
        elif record.get("done"):
            done = record
        elif "test" in record:
            records.append(record)
    return records, done, fatal


def _verdict(tests_run, learner_run, learner_code, limits, hidden) -> Verdict:
    records, done, fatal = _parse(tests_run.stdout)
    if fatal is not None:
        return Verdict("error", message=message("harness", detail=fatal))
    status, text = "ok", ""
    if done is None:
        if tests_run.timed_out:
            status, text = "timeout", message("timeout", limit=limits.wall_seconds)
        else:
            detail = tests_run.stderr.decode("utf-8", "replace").strip()[-1000:]
            return Verdict("error", message=message("no_results", detail=detail))
    flags = set(done.get("flags") or ()) if done else set()
    unavailable = done.get("unavailable") if done else None
    learner_signal = _signal_of(learner_code)
    if learner_run.output_exceeded or "output_limit" in flags:
        status, text = "output_limit", message("output_limit", limit=limits.output_kb)
    elif "memory" in flags or (unavailable == "died" and _looks_like_memory(learner_run)):
        status, text = "memory", message("memory", limit=limits.memory_mb)
    elif unavailable == "timeout" or (unavailable == "died"
                                      and learner_signal in (SIGXCPU, signal.SIGKILL)):
        limit = limits.cpu_seconds if unavailable == "died" else limits.wall_seconds
        status, text = "timeout", message("timeout", limit=limit)
    elif unavailable == "died":
        status, text = "crash", message("crash", code="unknown" if learner_code is None
                                        else learner_code)
    elif unavailable == "protocol":
        status, text = "crash", message("protocol")
    tests = []
    seen = collections.Counter(str(record.get("test")) for record in records)
    for record in records:
        outcome = record.get("outcome") if record.get("outcome") in ("passed", "failed",
                                                                        "error") else "error"
        note = str(record.get("message", ""))
        if record.get("reason") in ("timeout", "died", "protocol") and status != "ok":
            note = text
        name = str(record.get("test"))
        if seen[name] > 1:  # the same name in two test files: say which file
            name = f"{record.get('file')}::{name}"
        tests.append(TestResult(name, outcome, note, record.get("file") in hidden))
    output = str(done.get("output", "")) if done else ""
    return Verdict(status, tests=tests, message=text, output=output[:limits.output_kb * 1024])


def _signal_of(code):
    if code is None:
        return None
    if code < 0:
        return -code
    return code - 128 if code > 128 else None


def _looks_like_memory(run) -> bool:
    if run.returncode == AGENT_MEMORY_EXIT:
        return True
    tail = run.stderr[-2000:]
    return b"MemoryError" in tail or b"Cannot allocate memory" in tail


RUNNER = PythonRunner()
