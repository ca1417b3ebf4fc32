"""Runs a learner's SQL query against test cases, inside the sandbox (with /usr/bin/python3).

Reads one JSON job on stdin:
    {"mode": "grade", "query": "...", "budget": seconds per query, "max_rows": n,
     "cases": [{"name", "setup", "columns", "rows", "order_matters", "check_column_names"}]}
or  {"mode": "snippet", "query": "...", "budget": seconds, "max_rows": n}
and writes one JSON line per case (or one for the snippet) on stdout, then {"done": true}.

The learner's input is SQL, not Python: it runs through sqlite3 under an authorizer that only
allows reading (no ATTACH, no load_extension, no writes, no PRAGMA), with query_only on and a
progress handler that stops runaway queries. So it cannot reach this process's Python state, and
the comparison below can be trusted (see docs/decisions/0002-sql-runner.md).
"""
import json
import math
import sqlite3
import sys
import time

SHOWN_ROWS = 5
FLOAT_TOLERANCE = 1e-6
HEAP_LIMIT = 64 * 1024 * 1024
MAX_VALUE_BYTES = 10 * 1024 * 1024

# What the learner's query may do: read tables and call (non-extension) functions.
_ALLOWED = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION,
            getattr(sqlite3, "SQLITE_RECURSIVE", 33)}
# Snippets run on a throwaway database, so they may also create and fill tables.
_SNIPPET_ALLOWED = _ALLOWED | {
    sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE,
    sqlite3.SQLITE_CREATE_TABLE, sqlite3.SQLITE_CREATE_VIEW, sqlite3.SQLITE_CREATE_INDEX,
    sqlite3.SQLITE_DROP_TABLE, sqlite3.SQLITE_DROP_VIEW, sqlite3.SQLITE_DROP_INDEX,
    sqlite3.SQLITE_ALTER_TABLE, sqlite3.SQLITE_TRANSACTION, sqlite3.SQLITE_SAVEPOINT,
}
_DENIED_FUNCTIONS = {"load_extension", "fts3_tokenizer", "readfile", "writefile", "edit"}


class Stopped(Exception):
    pass


def _authorizer(allowed):
    def check(action, arg1, arg2, db_name, trigger):
        if action not in allowed:
            return sqlite3.SQLITE_DENY
        if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in _DENIED_FUNCTIONS:
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK
    return check


def _lock_down(conn, allowed, budget):
    """From here on, the connection runs learner SQL: restrict it, then arm the clock."""
    conn.execute(f"PRAGMA hard_heap_limit = {HEAP_LIMIT}")
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    if allowed is _ALLOWED:
        conn.execute("PRAGMA query_only = ON")
    conn.set_authorizer(_authorizer(allowed))
    deadline = time.monotonic() + budget
    state = {"stopped": False}

    def progress():
        if time.monotonic() > deadline:
            state["stopped"] = True
            return 1  # non-zero interrupts the statement
        return 0
    conn.set_progress_handler(progress, 10_000)
    return state


def _fetch(cursor, max_rows):
    rows = []
    while True:
        chunk = cursor.fetchmany(500)
        if not chunk:
            return rows
        rows.extend(chunk)
        if len(rows) > max_rows:
            raise Stopped(f"The query returned more than {max_rows} rows: add a condition "
                          "(or a LIMIT) or check your joins.")


def _run_learner(conn, query, state, budget, max_rows):
    """(columns, rows) of one learner statement, or raise Stopped with a message for the learner."""
    try:
        cursor = conn.execute(query)
        rows = _fetch(cursor, max_rows)
    except sqlite3.ProgrammingError as exc:
        if "one statement" in str(exc):
            raise Stopped("Your file holds more than one SQL statement: keep only the query "
                          "(one SELECT), with no other statement before or after it.") from None
        raise Stopped(f"SQL error: {exc}") from None
    except sqlite3.DatabaseError as exc:
        if state["stopped"]:
            raise Stopped(f"The query was stopped after {budget:g} s: it takes too long "
                          "(an endless recursive query?).", "timeout") from None
        if "out of memory" in str(exc):
            raise Stopped("The query used too much memory.", "memory") from None
        if "not authorized" in str(exc) or "prohibited" in str(exc):
            raise Stopped("Your query tries to do something other than read the tables "
                          f"(writing, ATTACH, PRAGMA and extensions are refused): {exc}") from None
        raise Stopped(f"SQL error: {exc}") from None
    except MemoryError:
        raise Stopped("The query used too much memory.", "memory") from None
    columns = [d[0] for d in cursor.description] if cursor.description else None
    return columns, rows


def _same_value(expected, got):
    if isinstance(expected, bool):
        expected = int(expected)
    if expected is None or got is None:
        return expected is None and got is None
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        if isinstance(expected, int) and isinstance(got, int):
            return expected == got
        return math.isclose(expected, got, rel_tol=FLOAT_TOLERANCE, abs_tol=FLOAT_TOLERANCE)
    if isinstance(got, bytes):
        return isinstance(expected, str) and expected == got.hex()
    return type(expected) is type(got) and expected == got


def _same_row(expected, got):
    return len(expected) == len(got) and all(_same_value(e, g) for e, g in zip(expected, got))


def count_rows(n):
    return "1 row" if n == 1 else f"{n} rows"


def show_value(value):
    if value is None:
        return "NULL"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, bytes):
        return "X'" + value.hex() + "'"
    return repr(value)


def show_rows(rows):
    lines = ["  (" + ", ".join(show_value(v) for v in row) + ")" for row in rows[:SHOWN_ROWS]]
    if len(rows) > SHOWN_ROWS:
        lines.append(f"  ... ({len(rows) - SHOWN_ROWS} more)")
    return "\n".join(lines) if lines else "  (no rows)"


def _unmatched(expected, got):
    """Rows of *expected* with no equal row in *got*, and rows of *got* left over (multisets)."""
    left = list(got)
    missing = []
    for row in expected:
        for i, candidate in enumerate(left):
            if _same_row(row, candidate):
                del left[i]
                break
        else:
            missing.append(row)
    return missing, left


def compare(case, columns, rows):
    """'' if the result matches the case's expectation, else a message for the learner."""
    want_cols, want_rows = case["columns"], case["rows"]
    if case["check_column_names"] and [c.lower() for c in columns] != [c.lower() for c in want_cols]:
        return f"Expected columns {want_cols}, got {columns}."
    if want_rows and rows and len(rows[0]) != len(want_rows[0]):
        return f"Expected {len(want_rows[0])} columns per row, got {len(rows[0])} ({columns})."
    if case["order_matters"]:
        for index, (want, got) in enumerate(zip(want_rows, rows), start=1):
            if not _same_row(want, got):
                return (f"Row {index} differs (the order of the rows matters here).\n"
                        f"Expected:\n{show_rows([want])}\nGot:\n{show_rows([got])}")
        if len(want_rows) != len(rows):
            return (f"Expected {count_rows(len(want_rows))}, got {len(rows)}.\n"
                    f"Expected (first rows):\n{show_rows(want_rows)}\nGot (first rows):\n{show_rows(rows)}")
        return ""
    missing, extra = _unmatched(want_rows, rows)
    if not missing and not extra:
        return ""
    parts = [f"Expected {count_rows(len(want_rows))}, got {len(rows)} (in any order)."]
    if missing:
        parts.append(f"Missing from your result:\n{show_rows(missing)}")
    if extra:
        parts.append(f"Not expected:\n{show_rows(extra)}")
    return "\n".join(parts)


def grade_case(case, query, budget, max_rows):
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        try:
            conn.executescript(case["setup"])
        except sqlite3.Error as exc:
            return {"name": case["name"], "outcome": "setup_error", "message": str(exc)}
        try:
            if not query.strip():
                raise Stopped("Your file is empty: write one SELECT query.")
            state = _lock_down(conn, _ALLOWED, budget)
            columns, rows = _run_learner(conn, query, state, budget, max_rows)
            if columns is None:
                raise Stopped("Your file holds no query: write one SELECT statement.")
        except Stopped as stop:
            kind = stop.args[1] if len(stop.args) > 1 else ""
            return {"name": case["name"], "outcome": "error", "message": stop.args[0], "kind": kind}
        message = compare(case, columns, rows)
        return {"name": case["name"], "outcome": "failed" if message else "passed",
                "message": message}
    finally:
        conn.close()


def run_snippet(query, budget, max_rows):
    """Run a lesson snippet (several statements allowed) and show the last result as a table."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    statements, buffer = [], ""
    for line in query.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer)
            buffer = ""
    if buffer.strip():
        statements.append(buffer)
    columns, rows = [], []
    state = _lock_down(conn, _SNIPPET_ALLOWED, budget)
    try:
        for statement in statements:
            result_columns, result_rows = _run_learner(conn, statement, state, budget, max_rows)
            if result_columns is not None:
                columns, rows = result_columns, result_rows
    except Stopped as stop:
        kind = stop.args[1] if len(stop.args) > 1 else ""
        return {"outcome": "error", "message": stop.args[0], "kind": kind}
    table = [" | ".join(columns)] if columns else []
    table += [" | ".join(show_value(v) for v in row) for row in rows]
    return {"outcome": "passed", "output": "\n".join(table)}


def main():
    job = json.loads(sys.stdin.read())
    if job["mode"] == "snippet":
        results = [run_snippet(job["query"], job["budget"], job["max_rows"])]
    else:
        results = (grade_case(case, job["query"], job["budget"], job["max_rows"])
                   for case in job["cases"])
    for result in results:
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()
    sys.stdout.write(json.dumps({"done": True}) + "\n")


if __name__ == "__main__":
    main()
