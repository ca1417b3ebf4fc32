"""SQL runner: a learner's SQLite query against JSON test cases.

Each test file (format: docs/authors/olx-format.md) is checked here, on the host, so that an
author's mistake is reported with its file and field. The cases then run in one sandbox, under
/usr/bin/python3's sqlite3 (grader/harness/sql/sql_harness.py): a fresh in-memory database per
case, the author's setup, then the learner's single query, read-only (why the harness may judge
the result itself: docs/decisions/0002-sql-runner.md).
"""
from __future__ import annotations

import json
import os

from grader.exercise import Exercise, ExerciseError, Limits
from grader.pool import default_pool
from grader.sandbox import Sandbox, SandboxError
from grader.verdict import TestResult, Verdict

HARNESS_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "harness", "sql")
INSIDE_DIR = "/opt/jobintech-harness"
PYTHON = os.environ.get("JOBINTECH_SQL_PYTHON", "/usr/bin/python3")
MAX_ROWS = 10_000
SNIPPET_ROWS = 200
# Learner-facing messages: stable ids, English text; the status ones are the other runners'.
MESSAGES = {
    "timeout": "Time limit exceeded: your code ran for more than {limit} seconds.",
    "memory": "Memory limit exceeded: your code used more than {limit} MiB.",
    "crash": "Your program stopped (exit status {code}) before the tests could finish.",
    "harness": "The tests could not run: {detail}",
    "no_sandbox": "The grader could not start a sandbox: {detail}",
    "not_run": "Not run: the tests were stopped before this case.",
    "setup_failed": "the setup SQL of case {case!r} in {file} fails: {detail}",
}
# Python and sqlite start in ~30 ms; the rest of the CPU budget is shared by the cases.
START_SECONDS = 0.3


def _field_error(file_name, where, problem):
    return ExerciseError(f"test file {file_name}: {where}: {problem}")


def _check_rows(file_name, where, rows):
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        raise _field_error(file_name, where, "must be a list of rows, each a list of values")
    widths = {len(r) for r in rows}
    if len(widths) > 1:
        raise _field_error(file_name, where, f"rows have different lengths {sorted(widths)}")
    for i, row in enumerate(rows):
        for value in row:
            if value is not None and not isinstance(value, (str, int, float, bool)):
                raise _field_error(file_name, f"{where}[{i}]",
                                   f"{value!r} is not a string, number, boolean or null")


def parse_test_file(name: str, content: str) -> list[dict]:
    """The cases of one JSON test file, normalized; ExerciseError names the file and field."""
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise ExerciseError(f"test file {name}: line {exc.lineno}, column {exc.colno}: "
                            f"invalid JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise _field_error(name, "top level", 'must be an object {"cases": [...]}')
    flags = {}
    for flag, default in (("order_matters", False), ("check_column_names", True)):
        flags[flag] = data.get(flag, default)
        if not isinstance(flags[flag], bool):
            raise _field_error(name, flag, "must be true or false")
    cases = data.get("cases")
    if not isinstance(cases, list) or not cases:
        raise _field_error(name, "cases", "must be a non-empty list of test cases")
    parsed, seen = [], set()
    for i, case in enumerate(cases):
        where = f"cases[{i}]"
        if not isinstance(case, dict):
            raise _field_error(name, where, "must be an object with name, setup and expected")
        case_name = case.get("name")
        if not isinstance(case_name, str) or not case_name.strip():
            raise _field_error(name, f"{where}.name", "must be a non-empty string")
        if case_name in seen:
            raise _field_error(name, f"{where}.name", f"{case_name!r} is used twice")
        seen.add(case_name)
        setup = case.get("setup", "")
        if not isinstance(setup, str):
            raise _field_error(name, f"{where}.setup", "must be a string of SQL statements")
        expected = case.get("expected")
        if not isinstance(expected, dict) or "rows" not in expected:
            raise _field_error(name, f"{where}.expected", 'must be {"columns": [...], "rows": [...]}')
        columns = expected.get("columns", [])
        if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
            raise _field_error(name, f"{where}.expected.columns", "must be a list of column names")
        check_names = case.get("check_column_names", flags["check_column_names"])
        if check_names and not columns:
            raise _field_error(name, f"{where}.expected.columns",
                               "is needed when check_column_names is true")
        _check_rows(name, f"{where}.expected.rows", expected["rows"])
        if columns and expected["rows"] and len(expected["rows"][0]) != len(columns):
            raise _field_error(name, f"{where}.expected", "rows do not have one value per column")
        parsed.append({"name": case_name, "setup": setup, "columns": columns,
                       "rows": expected["rows"], "check_column_names": bool(check_names),
                       "order_matters": bool(case.get("order_matters", flags["order_matters"]))})
    return parsed


def _learner_query(files: dict[str, str]) -> str:
    sql_files = [name for name in files if name.endswith(".sql")]
    if len(sql_files) != 1 or len(files) != 1:
        raise ExerciseError(f"a SQL exercise takes exactly one .sql file, got {sorted(files)}")
    return files[sql_files[0]]


def _start_harness(limits: Limits) -> Sandbox:
    return Sandbox.start([PYTHON, "-I", "-S", f"{INSIDE_DIR}/sql_harness.py"], limits=limits,
                         binds={HARNESS_DIR: INSIDE_DIR})


def _run_harness(job: dict, limits: Limits):
    """(list of result dicts, finished?, RunResult) from one sandboxed harness run."""
    # Started ahead of time by the warm pool: the harness waits for its job on stdin.
    sandbox = default_pool().take(("sql", limits), lambda: _start_harness(limits))
    run = sandbox.communicate(json.dumps(job).encode(), timeout=limits.wall_seconds,
                              output_cap=max(limits.output_kb * 1024, 1 << 20))
    results, finished = [], False
    for line in run.stdout.decode("utf-8", "replace").splitlines():
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(item, dict) and item.get("done") is True:
            finished = True
        elif isinstance(item, dict):
            results.append(item)
    return results, finished, run


def _stopped_status(run, finished, limits: Limits) -> tuple[str, str]:
    if finished:
        return "", ""
    if run.timed_out:
        return "timeout", MESSAGES["timeout"].format(limit=limits.wall_seconds)
    if run.signal in (9, 24):  # SIGKILL, SIGXCPU: the CPU limit
        return "timeout", MESSAGES["timeout"].format(limit=limits.cpu_seconds)
    if b"MemoryError" in run.stderr:
        return "memory", MESSAGES["memory"].format(limit=limits.memory_mb)
    return "crash", MESSAGES["crash"].format(code=run.returncode)


class SqlRunner:
    language = "sql"

    def grade(self, exercise: Exercise, files: dict[str, str]) -> Verdict:
        query = _learner_query(files)
        limits = exercise.limits
        cases, origin = [], []
        try:
            for test_file in exercise.tests:
                for case in parse_test_file(test_file.name, test_file.content):
                    cases.append(case)
                    origin.append(test_file)
        except ExerciseError as exc:
            return Verdict("error", message=MESSAGES["harness"].format(detail=exc))
        # Each query gets its share of the CPU budget, so one runaway case leaves the others a
        # chance to report (the sandbox's own CPU limit stays the backstop).
        budget = max(0.2, (limits.cpu_seconds - START_SECONDS) / len(cases))
        job = {"mode": "grade", "query": query, "cases": cases, "budget": budget, "max_rows": MAX_ROWS}
        try:
            results, finished, run = _run_harness(job, limits)
        except (SandboxError, OSError) as exc:
            return Verdict("error", message=MESSAGES["no_sandbox"].format(detail=exc))
        status, text = _stopped_status(run, finished, limits)
        tests = []
        for index, case in enumerate(cases):
            hidden = origin[index].hidden
            result = results[index] if index < len(results) else None
            if result is None:
                tests.append(TestResult(case["name"], "failed", text or MESSAGES["not_run"], hidden))
                continue
            if result.get("outcome") == "setup_error":
                detail = MESSAGES["setup_failed"].format(case=case["name"], file=origin[index].name,
                                                         detail=result.get("message"))
                return Verdict("error", message=MESSAGES["harness"].format(detail=detail))
            kind = result.get("kind")
            if kind in ("timeout", "memory") and not status:
                status = kind
                text = MESSAGES[kind].format(limit=round(budget, 2) if kind == "timeout" else limits.memory_mb)
            outcome = result.get("outcome") if result.get("outcome") in ("passed", "failed") else "error"
            tests.append(TestResult(case["name"], outcome, str(result.get("message", "")), hidden))
        return Verdict(status or "ok", tests=tests, message=text)

    def run_snippet(self, code: str, limits: Limits | None = None) -> Verdict:
        """Run a lesson's SQL snippet (statements allowed) on an empty database; show the last result."""
        limits = (limits or Limits()).validate()
        job = {"mode": "snippet", "query": code, "budget": max(0.2, limits.cpu_seconds - START_SECONDS),
               "max_rows": SNIPPET_ROWS}
        try:
            results, finished, run = _run_harness(job, limits)
        except (SandboxError, OSError) as exc:
            return Verdict("error", message=MESSAGES["no_sandbox"].format(detail=exc))
        status, text = _stopped_status(run, finished, limits)
        if status:
            return Verdict(status, message=text)
        result = results[0] if results else {}
        if result.get("outcome") != "passed":
            kind = result.get("kind")
            if kind in ("timeout", "memory"):
                limit = limits.cpu_seconds if kind == "timeout" else limits.memory_mb
                return Verdict(kind, message=MESSAGES[kind].format(limit=limit),
                               output=str(result.get("message", "")))
            return Verdict("ok", output=str(result.get("message", "")))  # an SQL error: shown
        return Verdict("ok", output=str(result.get("output", "")))


RUNNER = SqlRunner()
