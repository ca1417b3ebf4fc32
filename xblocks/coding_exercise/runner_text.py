"""Translate the grader's English feedback lines into the learner's language.

The runners (grader/runners/*.py, grader/harness/sql) write fixed English sentences with a few
values in them. Each known sentence is listed here as a template; a line of a message that
matches one in full is replaced by its translation, with the same values. Lines that match
nothing (assertion details, tracebacks, the learner's own values) are left as they are.
"""
from __future__ import annotations

import functools
import re

from xblocks.coding_exercise.messages import N_

TEMPLATES = [
    # grader/runners/python.py and javascript.py (MESSAGES)
    N_("Time limit exceeded: your code ran for more than {limit} seconds."),
    N_("Memory limit exceeded: your code used more than {limit} MiB."),
    N_("Output limit exceeded: your code printed more than {limit} KiB."),
    N_("Your program stopped (exit status {code}) before the tests could finish."),
    N_("Your program interfered with the grader, so the tests could not finish."),
    N_("Not run: the tests were stopped before this one."),
    N_("Your code did not answer: {reason}."),
    # grader/runners/sql.py
    N_("The queries took too long and were stopped."),
    N_("The queries used too much memory."),
    N_("The SQL runner stopped unexpectedly."),
    N_("A query took too long and was stopped."),
    N_("A query used too much memory."),
    N_("Not run: the run was stopped before this case."),
    # grader/harness/sql/sql_harness.py
    N_("The query used too much memory."),
    N_("Your file is empty: write one SELECT query."),
    N_("Your file holds no query: write one SELECT statement."),
    N_("Your file holds more than one SQL statement: keep only the query (one SELECT), with no "
       "other statement before or after it."),
    N_("The query was stopped after {seconds} s: it takes too long (an endless recursive query?)."),
    N_("Your query tries to do something other than read the tables (writing, ATTACH, PRAGMA and "
       "extensions are refused): {error}"),
    N_("SQL error: {error}"),
    N_("Expected columns {expected}, got {got}."),
    N_("Expected {count} columns per row, got {got} ({columns})."),
    N_("Row {index} differs (the order of the rows matters here)."),
    N_("Expected 1 row, got {got}."),
    N_("Expected {count} rows, got {got}."),
    N_("Expected 1 row, got {got} (in any order)."),
    N_("Expected {count} rows, got {got} (in any order)."),
    N_("Expected:"),
    N_("Got:"),
    N_("Expected (first rows):"),
    N_("Got (first rows):"),
    N_("Missing from your result:"),
    N_("Not expected:"),
    N_("(no rows)"),
]


@functools.lru_cache(maxsize=1)
def _patterns():
    compiled = []
    # Most literal text first: "Expected 1 row, got {got} (in any order)." must win over
    # "Expected 1 row, got {got}." whose {got} would swallow the rest.
    for template in sorted(TEMPLATES, key=lambda t: -len(re.sub(r"{\w+}", "", t))):
        parts = re.split(r"({\w+})", template)
        regex = "".join(f"(?P<{p[1:-1]}>.+?)" if re.fullmatch(r"{\w+}", p) else re.escape(p)
                        for p in parts)
        compiled.append((re.compile(rf"^(\s*){regex}\s*$"), template))
    return compiled


def translate_line(line: str, gettext) -> str:
    for pattern, template in _patterns():
        match = pattern.match(line)
        if match:
            values = {k: v for k, v in match.groupdict().items()}
            return match.group(1) + gettext(template).format(**values)
    return line


def translate_text(text: str, gettext) -> str:
    """*text* with every line the grader wrote in English put in the learner's language."""
    if not text:
        return text
    return "\n".join(translate_line(line, gettext) for line in text.split("\n"))
