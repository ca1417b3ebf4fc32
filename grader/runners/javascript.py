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

from grader.exercise import Exercise, Limits
from grader.runners import split
from grader.runners.split import SIGXCPU, PairRun, PairRunner, SandboxPair, signal_of
from grader.sandbox import RunResult, Sandbox
from grader.verdict import TestResult, Verdict

NODE_ENV = "JOBINTECH_NODE"
DEFAULT_NODE = "/usr/bin/node"
HARNESS_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "harness", "javascript")
INSIDE_DIR = "/opt/jobintech-harness"
MIN_TASKS = 24  # Node runs a dozen threads (libuv, V8), and RLIMIT_NPROC counts them
MEMORY_SIGNS = (b"JavaScript heap out of memory", b"Fatal process out of memory",
                b"Allocation failed", b"std::bad_alloc", b"Cannot allocate memory")

# Learner-facing messages: stable ids, English text (the block translates by status / id).
# The status messages are the Python runner's (split.MESSAGES); these two are this runner's.
MESSAGES = {
    **split.MESSAGES,
    "not_run": "Not run: the tests were stopped before this one.",
    "file_failed": "The tests of {file} could not start: {detail}",
}


def message(message_id: str, **params) -> str:
    return MESSAGES[message_id].format(**params)


def node_executable() -> str:
    return os.environ.get(NODE_ENV) or DEFAULT_NODE


def _node_argv(limits: Limits, *args: str) -> list[str]:
    heap = max(16, limits.memory_mb * 3 // 4)  # V8's own limit first: it says "heap out of memory"
    return [node_executable(), f"--max-old-space-size={heap}", "--v8-pool-size=2", *args]


def _binds() -> dict[str, str]:
    binds = {HARNESS_DIR: INSIDE_DIR}
    node = node_executable()
    if not node.startswith("/usr/"):
        prefix = os.path.dirname(os.path.dirname(os.path.realpath(node)))  # e.g. /opt/node-v20
        binds[prefix] = prefix
    return binds


def _learner_limits(limits: Limits) -> Limits:
    return dataclasses.replace(limits, max_processes=max(limits.max_processes, MIN_TASKS))


def start_pair(limits: Limits) -> SandboxPair:
    binds = _binds()
    tests_limits = split.tests_limits(limits, min_processes=MIN_TASKS)
    return split.start_pair(
        lambda read_fd, write_fd: Sandbox.start(
            _node_argv(limits, f"{INSIDE_DIR}/agent.js", str(read_fd), str(write_fd)),
            limits=_learner_limits(limits), binds=binds, memory="data",
            pass_fds=(read_fd, write_fd)),
        lambda read_fd, write_fd: Sandbox.start(
            _node_argv(tests_limits, "--test-reporter", f"{INSIDE_DIR}/reporter.mjs",
                       "--test-reporter-destination", "stdout", f"{INSIDE_DIR}/tester.js",
                       str(read_fd), str(write_fd)),
            limits=tests_limits, binds=binds, memory="data", pass_fds=(read_fd, write_fd)))


def start_snippet(limits: Limits) -> Sandbox:
    return Sandbox.start(_node_argv(limits, f"{INSIDE_DIR}/snippet.js"), limits=_learner_limits(limits),
                         memory="data", binds=_binds())


def _learner_fate(run: RunResult, code, protocol: bool, limits: Limits) -> tuple[str, str]:
    """(verdict status, message) from how L ended; ('', '') if it was still serving."""
    if run.output_exceeded:
        return "output_limit", message("output_limit", limit=limits.output_kb)
    if code is None:
        return ("crash", message("protocol")) if protocol else ("", "")
    if any(sign in run.stderr[-4000:] for sign in MEMORY_SIGNS):
        return "memory", message("memory", limit=limits.memory_mb)
    if signal_of(code) in (SIGXCPU, signal.SIGKILL):
        return "timeout", message("timeout", limit=limits.cpu_seconds)
    return "crash", message("crash", code=code)


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
            note = cut_message if record.get("gone") and cut_message else _text(record.get("message"))
            tests.append(TestResult(name, outcome, note, hidden))
        elif kind == "file_failed":
            detail = cut_message if record.get("gone") and cut_message else _text(record.get("message"))
            file_name = _text(record.get("file"))
            tests.append(TestResult(file_name, "failed",
                                    message("file_failed", file=file_name, detail=detail), hidden))
    return tests, [(n, h) for n, h in planned if n not in reported_roots]


class JavaScriptRunner(PairRunner):
    language = "javascript"

    start_pair = staticmethod(start_pair)
    start_snippet = staticmethod(start_snippet)

    def grade_on(self, pair: SandboxPair, exercise: Exercise, files: dict[str, str]) -> Verdict:
        limits = exercise.limits
        nonce = secrets.token_hex(16)  # marks T's result lines; only T knows it, L never sees it
        request = {"nonce": nonce, "learner": sorted(files),
                   "tests": [{"name": t.name, "content": t.content} for t in exercise.tests]}
        run = PairRun(pair, json.dumps({"files": files}).encode("utf-8", "surrogatepass"), limits)
        tests_run = run.tests(json.dumps(request).encode("utf-8", "surrogatepass"))
        records = _records(tests_run.stdout, nonce)
        gone = next((r.get("why") for r in records if r.get("k") == "gone"), None)
        code = split.exit_status(pair.learner, True) if gone == "closed" else None
        learner_run = run.finish()
        hidden_files = {t.name: t.hidden for t in exercise.tests}
        return _verdict(records, tests_run, learner_run, code, gone, limits, hidden_files)

    def run_snippet(self, code: str, limits: Limits | None = None) -> Verdict:
        """Run a lesson's "try it" snippet: no tests; Verdict.output is what it printed."""
        limits = (limits or Limits()).validate()
        sandbox = self.take_snippet(limits)
        if isinstance(sandbox, Verdict):
            return sandbox
        run = sandbox.communicate(code.encode("utf-8", "surrogatepass"), limits.wall_seconds,
                                  limits.output_kb * 1024)
        output = (run.stdout + run.stderr).decode("utf-8", "replace")[:limits.output_kb * 1024]
        if run.timed_out:
            return Verdict("timeout", message=message("timeout", limit=limits.wall_seconds),
                           output=output)
        status, text = _learner_fate(run, run.returncode, False, limits)
        if status == "crash" and signal_of(run.returncode) is None:
            status, text = "ok", ""  # an uncaught error or process.exit(1): part of its output
        return Verdict(status or "ok", message=text, output=output)


def _verdict(records, tests_run, learner_run, code, gone, limits, hidden_files) -> Verdict:
    output = (learner_run.stdout + learner_run.stderr).decode("utf-8", "replace")[:limits.output_kb * 1024]
    for record in records:
        if record.get("k") in ("author_error", "harness_error"):
            return Verdict("error", message=message("harness", detail=_text(record.get("message"))[:2000]),
                           output=output)
    status, text = _learner_fate(learner_run, code, gone == "protocol", limits)
    if gone == "closed" and not status:
        status, text = "crash", message("crash", code="?")
    if not any(r.get("k") == "end" for r in records) and not status:
        ended = split.no_results(tests_run, limits, output)
        if isinstance(ended, Verdict):
            return ended
        status, text = ended
    tests, not_run = _build_tests(records, hidden_files, text)
    for name, hidden in not_run:
        tests.append(TestResult(name, "failed", text or message("not_run"), hidden))
    return Verdict(status or "ok", tests=tests, message=text, output=output)


RUNNER = JavaScriptRunner()
