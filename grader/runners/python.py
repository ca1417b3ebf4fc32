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
import json
import logging
import os
import signal
from pathlib import Path

from grader.exercise import Exercise, Limits
from grader.runners import split
from grader.runners.split import SIGXCPU, PairRun, PairRunner, SandboxPair, message
from grader.sandbox import RunResult, Sandbox, SandboxError, unsafe_mode
from grader.verdict import TestResult, Verdict
from grader.zygote import ForkedSandbox, Zygote, default_zygotes

log = logging.getLogger(__name__)

PYTHON_ENV = "JOBINTECH_PYTHON"
DEFAULT_PYTHON = "/usr/bin/python3"
HARNESS_DIR = Path(__file__).resolve().parent.parent / "harness" / "python"
INSIDE = "/opt/jobintech-harness"
SNIPPET_MEMORY_EXIT = 97
DONE_LINE = b'{"done": true'  # test_harness.py's last line: json.dumps({"done": True, ...})
AGENT_MEMORY_EXIT = 97  # learner_agent.py's exit status when it ran out of memory itself

# Learner-facing messages (stable ids, English text): the shared status messages.
MESSAGES = split.MESSAGES


def python_executable() -> str:
    return os.environ.get(PYTHON_ENV) or DEFAULT_PYTHON


def _binds(python: str) -> dict[str, str]:
    binds = {str(HARNESS_DIR): INSIDE}
    if not python.startswith("/usr/"):
        prefix = str(Path(python).resolve().parent.parent)  # e.g. /opt/python3.11
        binds[prefix] = prefix
    return binds


def start_pair(limits: Limits) -> SandboxPair:
    """L and T for one submission: forked by the zygotes, or (without a sandbox, in
    development) two fresh interpreters."""
    tests_limits = split.tests_limits(limits, min_processes=8)
    if unsafe_mode():
        return _start_pair_unsafe(limits, tests_limits)
    return split.start_pair(
        lambda read_fd, write_fd: _spawn("learner_agent", limits, (read_fd, write_fd)),
        lambda read_fd, write_fd: _spawn("test_harness", tests_limits, (write_fd, read_fd)))


def _spawn(entry: str, limits: Limits, fds) -> ForkedSandbox:
    """A run of the *entry* zygote; if that zygote has just died, of the one that replaces it."""
    python = python_executable()
    argv = [python, "-I", "-S", f"{INSIDE}/zygote_server.py"]
    start = lambda: Zygote(argv, entry, _binds(python))  # noqa: E731
    zygote = default_zygotes().get((python, entry), start)
    try:
        return zygote.spawn(limits, fds)
    except SandboxError:
        if zygote.alive():
            raise
        return default_zygotes().get((python, entry), start).spawn(limits, fds)


def _start_pair_unsafe(limits: Limits, tests_limits: Limits) -> SandboxPair:
    python = python_executable()
    binds = _binds(python)
    return split.start_pair(
        lambda read_fd, write_fd: Sandbox.start(
            [python, "-I", f"{INSIDE}/learner_agent.py", str(read_fd), str(write_fd)],
            limits=limits, binds=binds, pass_fds=(read_fd, write_fd)),
        lambda read_fd, write_fd: Sandbox.start(
            [python, "-I", f"{INSIDE}/test_harness.py", str(write_fd), str(read_fd)],
            limits=tests_limits, binds=binds, pass_fds=(write_fd, read_fd)))


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


class PythonRunner(PairRunner):
    language = "python"

    start_pair = staticmethod(start_pair)
    start_snippet = staticmethod(start_snippet)

    def grade_on(self, pair: SandboxPair, exercise: Exercise, files: dict[str, str]) -> Verdict:
        limits = exercise.limits
        setup = {"files": files, "output_cap": limits.output_kb * 1024}
        request = {"tests": [{"name": t.name, "content": t.content} for t in exercise.tests],
                   "learner_modules": learner_modules(files),
                   # modules the exercise expects (its starter files): missing = learner's fault
                   "expected_modules": learner_modules([*files, *exercise.submission_names()]),
                   "learner_files": sorted(files), "wall_seconds": limits.wall_seconds}
        run = PairRun(pair, json.dumps(setup).encode("utf-8", "surrogatepass"), limits)
        tests_run = run.tests(json.dumps(request).encode("utf-8", "surrogatepass"), DONE_LINE)
        learner_code = split.exit_status(pair.learner,
                                         b'"unavailable": "died"' in tests_run.stdout)
        learner_run = run.finish() or RunResult(learner_code, b"", b"")
        hidden = {t.name for t in exercise.tests if t.hidden}
        return _verdict(tests_run, learner_run, learner_code, limits, hidden)

    def run_snippet(self, code: str, limits: Limits | None = None) -> Verdict:
        """Run a lesson's "try it" snippet: no tests; Verdict.output is what it printed."""
        limits = (limits or Limits()).validate()
        sandbox = self.take_snippet(limits)
        if isinstance(sandbox, Verdict):
            return sandbox
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
        ended = split.no_results(tests_run, limits)
        if isinstance(ended, Verdict):
            return ended
        status, text = ended
    flags = set(done.get("flags") or ()) if done else set()
    unavailable = done.get("unavailable") if done else None
    learner_signal = split.signal_of(learner_code)
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


def _looks_like_memory(run) -> bool:
    if run.returncode == AGENT_MEMORY_EXIT:
        return True
    tail = run.stderr[-2000:]
    return b"MemoryError" in tail or b"Cannot allocate memory" in tail


RUNNER = PythonRunner()
