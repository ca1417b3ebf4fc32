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
from grader.sandbox import Sandbox, SandboxError
from grader.verdict import TestResult, Verdict

HARNESS_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "harness", "sql")
INSIDE_DIR = "/harness"
PYTHON = os.environ.get("JOBINTECH_SQL_PYTHON", "/usr/bin/python3")
MAX_ROWS = 10_000
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


def _run_harness(job: dict, limits: Limits):
    """(list of result dicts, finished?, RunResult) from one sandboxed harness run."""
    sandbox = Sandbox.start([PYTHON, "-I", "-S", f"{INSIDE_DIR}/sql_harness.py"], limits=limits,
                            binds={HARNESS_DIR: INSIDE_DIR})
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


def _stopped_status(run, finished) -> tuple[str, str]:
    if finished:
        return "", ""
    if run.timed_out or run.signal in (9, 24):  # SIGKILL after the wall clock, SIGXCPU
        return "timeout", "The queries took too long and were stopped."
    if b"MemoryError" in run.stderr:
        return "memory", "The queries used too much memory."
    return "crash", "The SQL runner stopped unexpectedly."


class SqlRunner:
    language = "sql"

    def grade(self, exercise: Exercise, files: dict[str, str]) -> Verdict:
        query = _learner_query(files)
        cases, hidden = [], {}
        try:
            for test_file in exercise.tests:
                for case in parse_test_file(test_file.name, test_file.content):
                    cases.append(case)
                    hidden[len(cases) - 1] = test_file.hidden
        except ExerciseError as exc:
            return Verdict("error", message=str(exc))
        budget = max(0.2, (exercise.limits.cpu_seconds - START_SECONDS) / len(cases))
        job = {"mode": "grade", "query": query, "cases": cases, "budget": budget,
               "max_rows": MAX_ROWS}
        try:
            results, finished, run = _run_harness(job, exercise.limits)
        except SandboxError as exc:
            return Verdict("error", message=str(exc))
        tests, status = [], "ok"
        for index, case in enumerate(cases):
            result = results[index] if index < len(results) else None
            if result is None:
                tests.append(TestResult(case["name"], "failed", "Not run: the run was stopped "
                                        "before this case.", hidden[index]))
                continue
            if result.get("outcome") == "setup_error":
                return Verdict("error", message=f"the setup SQL of case {case['name']!r} fails: "
                                                f"{result.get('message')}")
            outcome = "error" if result.get("outcome") == "error" else result.get("outcome")
            if result.get("kind") in ("timeout", "memory") and status == "ok":
                status = result["kind"]
            tests.append(TestResult(case["name"], outcome, result.get("message", ""),
                                    hidden[index]))
        stop_status, stop_message = _stopped_status(run, finished)
        if stop_status:
            return Verdict(stop_status, tests=tests, message=stop_message)
        message = {"timeout": "A query took too long and was stopped.",
                   "memory": "A query used too much memory."}.get(status, "")
        return Verdict(status, tests=tests, message=message)

    def run_snippet(self, code: str, limits: Limits) -> Verdict:
        job = {"mode": "snippet", "query": code, "budget": max(0.2, limits.cpu_seconds - START_SECONDS),
               "max_rows": 200}
        try:
            results, finished, run = _run_harness(job, limits)
        except SandboxError as exc:
            return Verdict("error", message=str(exc))
        stop_status, stop_message = _stopped_status(run, finished)
        if stop_status:
            return Verdict(stop_status, message=stop_message)
        result = results[0] if results else {}
        if result.get("outcome") != "passed":
            status = result.get("kind") or "ok"
            return Verdict(status, message=result.get("message", ""), output=result.get("message", ""))
        return Verdict("ok", output=result.get("output", ""))


RUNNER = SqlRunner()
