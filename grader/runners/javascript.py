"""JavaScript runner: node:test files against a learner's Node.js modules, in two sandboxes.

The learner's code and the tests never share a process (docs/decisions/0001-split-harness.md):
- L (learner sandbox) runs grader/harness/javascript/agent.js, which loads the learner's
  CommonJS / ES modules and answers requests over two pipes;
- T (test sandbox) runs the author's node:test files (tester.js); `require('./somme.js')` there
  loads a stub whose functions call into L and get back plain data or handles (rpc.js).
T reports each result on its stdout, which L cannot reach; a test that ends after L died fails.
So nothing the learner's code does (patching assert, process.exit, printing TAP, lying objects,
killing processes, editing files) can turn a failing test into a passing one.
"""
from __future__ import annotations

import dataclasses
import json
import os
import secrets
import signal
import threading

from grader.exercise import Exercise, Limits
from grader.pool import default_pool
from grader.sandbox import RunResult, Sandbox, SandboxError
from grader.verdict import TestResult, Verdict

NODE = os.environ.get("JOBINTECH_NODE", "/usr/bin/node")
HARNESS_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "harness", "javascript")
INSIDE_DIR = "/harness"
# Node runs a dozen threads (libuv, V8); RLIMIT_NPROC counts them.
MIN_TASKS = 24
TESTER_MIN_MEMORY_MB = 256
RESULTS_CAP = 4 * 1024 * 1024
MEMORY_SIGNS = (b"JavaScript heap out of memory", b"Fatal process out of memory",
                b"Allocation failed", b"std::bad_alloc", b"Cannot allocate memory")

# Messages for the learner (English source text; translated where the verdict is shown).
MESSAGES = {
    "cpu": "Stopped: your code used more than {cpu:g} s of CPU time (an endless loop?).",
    "memory": "Stopped: your code used more than {memory} MiB of memory.",
    "output": "Stopped: your code printed more than {output} KiB.",
    "exited": "Your code ended the program (process.exit?) before this test finished.",
    "crashed": "Your program stopped unexpectedly: {detail}",
    "wall": "Stopped: the tests took more than {wall:g} s (your code may be waiting forever).",
    "not_run": "Not run: the tests were stopped before this one.",
    "file_failed": "The tests of {file} could not start: {detail}",
}


def _node_argv(limits: Limits, *args: str) -> list[str]:
    heap = max(16, limits.memory_mb * 3 // 4)  # V8's own limit first: it says "heap out of memory"
    return [NODE, f"--max-old-space-size={heap}", "--v8-pool-size=2", *args]


def _learner_limits(limits: Limits) -> Limits:
    return dataclasses.replace(limits, max_processes=max(limits.max_processes, MIN_TASKS))


def _tester_limits(limits: Limits) -> Limits:
    return dataclasses.replace(_learner_limits(limits),
                               memory_mb=max(limits.memory_mb, TESTER_MIN_MEMORY_MB))


class _Pair:
    """L and T, started ahead of a submission and joined by two pipes (T->L and L->T)."""

    def __init__(self, limits: Limits):
        to_learner, to_tester = os.pipe(), os.pipe()
        binds = {HARNESS_DIR: INSIDE_DIR}
        self.learner = self.tester = None
        try:
            self.learner = Sandbox.start(
                _node_argv(limits, f"{INSIDE_DIR}/agent.js", str(to_learner[0]), str(to_tester[1])),
                limits=_learner_limits(limits), binds=binds, memory="data",
                pass_fds=(to_learner[0], to_tester[1]))
            tester_limits = _tester_limits(limits)
            self.tester = Sandbox.start(
                _node_argv(tester_limits, f"--test-reporter={INSIDE_DIR}/reporter.mjs",
                           "--test-reporter-destination=stdout", f"{INSIDE_DIR}/tester.js",
                           str(to_tester[0]), str(to_learner[1])),
                limits=tester_limits, binds=binds, memory="data",
                pass_fds=(to_tester[0], to_learner[1]))
        except BaseException:
            self.kill()
            raise
        finally:
            for fd in (*to_learner, *to_tester):
                os.close(fd)

    def kill(self):
        for sandbox in (self.learner, self.tester):
            if sandbox is not None:
                sandbox.kill()


def _stop_learner(sandbox: Sandbox) -> bool:
    """Kill L (T is done with it). True if L had already ended on its own."""
    ended = sandbox.process.poll() is not None
    if not ended:
        try:
            os.killpg(sandbox.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    return ended


def _learner_fate(run: RunResult, ended_early: bool, limits: Limits) -> tuple[str, str]:
    """(verdict status or '', message for tests cut short) from how L ended."""
    if run.output_exceeded:
        return "output_limit", MESSAGES["output"].format(output=limits.output_kb)
    if not ended_early:
        return "", ""
    if any(sign in run.stderr for sign in MEMORY_SIGNS):
        return "memory", MESSAGES["memory"].format(memory=limits.memory_mb)
    if run.signal in (signal.SIGXCPU, signal.SIGKILL):
        return "timeout", MESSAGES["cpu"].format(cpu=limits.cpu_seconds)
    if run.returncode == 0:
        return "", MESSAGES["exited"]
    lines = run.stderr.decode("utf-8", "replace").strip().splitlines()
    detail = lines[-1] if lines else f"exit status {run.returncode}"
    return "crash", MESSAGES["crashed"].format(detail=detail[:300])


def _records(stdout: bytes, nonce: str) -> list[dict]:
    prefix = nonce + " "
    records = []
    for line in stdout.decode("utf-8", "replace").splitlines():
        if line.startswith(prefix):
            try:
                record = json.loads(line[len(prefix):])
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict):
                records.append(record)
    return records


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _build_tests(records, hidden_files, cut_message):
    tests, planned, reported_roots = [], [], set()
    for record in records:
        kind = record.get("k")
        hidden = hidden_files.get(_text(record.get("file")), False)
        if kind == "planned":
            planned.append((_text(record.get("name")), hidden))
        elif kind == "test":
            name = _text(record.get("name"))
            reported_roots.add(name.split(" > ")[0])
            outcome = record.get("outcome") if record.get("outcome") in ("passed", "failed", "error") else "failed"
            message = cut_message if record.get("gone") and cut_message else _text(record.get("message"))
            tests.append(TestResult(name, outcome, message, hidden))
        elif kind == "file_failed":
            detail = cut_message if record.get("gone") and cut_message else _text(record.get("message"))
            file_name = _text(record.get("file"))
            tests.append(TestResult(file_name, "failed",
                                    MESSAGES["file_failed"].format(file=file_name, detail=detail),
                                    hidden))
    return tests, [(n, h) for n, h in planned if n not in reported_roots]


class JavaScriptRunner:
    language = "javascript"

    def _pair(self, limits: Limits) -> _Pair:
        return default_pool().take((self.language, limits), lambda: _Pair(limits))

    def grade(self, exercise: Exercise, files: dict[str, str]) -> Verdict:
        limits = exercise.limits
        try:
            pair = self._pair(limits)
        except SandboxError as exc:
            return Verdict("error", message=str(exc))
        nonce = secrets.token_hex(16)
        tester_job = {"nonce": nonce, "learner": sorted(files),
                      "tests": [{"name": t.name, "content": t.content} for t in exercise.tests]}
        learner_job = json.dumps({"files": files}).encode()
        learner_run: list[RunResult] = []
        thread = threading.Thread(target=lambda: learner_run.append(pair.learner.communicate(
            learner_job, timeout=limits.wall_seconds + 1, output_cap=limits.output_kb * 1024)))
        thread.start()
        try:
            tester_run = pair.tester.communicate(json.dumps(tester_job).encode(),
                                                 timeout=limits.wall_seconds, output_cap=RESULTS_CAP)
        finally:
            ended_early = _stop_learner(pair.learner)
            thread.join()
            pair.kill()
        return self._verdict(exercise, nonce, tester_run, learner_run[0], ended_early)

    def _verdict(self, exercise, nonce, tester_run, learner_run, ended_early) -> Verdict:
        limits = exercise.limits
        records = _records(tester_run.stdout, nonce)
        output = learner_run.stdout.decode("utf-8", "replace") + learner_run.stderr.decode("utf-8", "replace")
        for record in records:
            if record.get("k") in ("author_error", "harness_error"):
                return Verdict("error", message=_text(record.get("message"))[:2000], output=output)
        status, cut_message = _learner_fate(learner_run, ended_early, limits)
        finished = any(r.get("k") == "end" for r in records)
        if not finished and not status:
            if tester_run.timed_out:
                status, cut_message = "timeout", MESSAGES["wall"].format(wall=limits.wall_seconds)
            elif any(sign in tester_run.stderr for sign in MEMORY_SIGNS):
                status, cut_message = "crash", MESSAGES["crashed"].format(detail="the tests ran out of memory")
            else:
                status = "crash"
                cut_message = MESSAGES["crashed"].format(detail="the tests stopped before the end")
        hidden_files = {t.name: t.hidden for t in exercise.tests}
        tests, not_run = _build_tests(records, hidden_files, cut_message)
        for name, hidden in not_run:
            tests.append(TestResult(name, "failed", cut_message or MESSAGES["not_run"], hidden))
        if status == "crash" and not tester_run.stderr and not tests:
            status = "error"
        return Verdict(status or "ok", tests=tests, message=cut_message if status else "", output=output)

    def run_snippet(self, code: str, limits: Limits) -> Verdict:
        try:
            sandbox = Sandbox.start(_node_argv(limits, f"{INSIDE_DIR}/snippet.js"),
                                    limits=_learner_limits(limits), memory="data",
                                    binds={HARNESS_DIR: INSIDE_DIR})
        except SandboxError as exc:
            return Verdict("error", message=str(exc))
        run = sandbox.communicate(code.encode(), timeout=limits.wall_seconds,
                                  output_cap=limits.output_kb * 1024)
        output = run.stdout.decode("utf-8", "replace") + run.stderr.decode("utf-8", "replace")
        if run.timed_out:
            return Verdict("timeout", message=MESSAGES["wall"].format(wall=limits.wall_seconds), output=output)
        status, message = _learner_fate(run, True, limits)
        if status == "crash":
            status, message = "ok", ""  # an uncaught error is part of what the snippet printed
        return Verdict(status or "ok", message=message, output=output)


RUNNER = JavaScriptRunner()
