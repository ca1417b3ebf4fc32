"""What a learner is told about a verdict: redacted, then put in the learner's language.

redacted_verdict() makes the form that may be stored and sent to the browser: hidden tests
appear only as "Hidden test N" with pass/fail, and their code must not leak through the free
text either (a traceback can quote a test file), so any line of a hidden test file found in a
message is blanked, and a run with hidden tests shows nothing the code printed. It stays in
English, so that localize() can show a stored verdict in whatever language the learner reads
when they come back.
"""
from __future__ import annotations

import copy
import re

from grader.exercise import Limits
from grader.verdict import HIDDEN_LABEL, Verdict
from xblocks.coding_exercise.messages import HIDDEN_REDACTED, HIDDEN_TEST, STATUS
from xblocks.coding_exercise.runner_text import translate_text

# Lines shorter than this are too common ("pass", ")") to reveal anything; blanking them
# would only garble the learner's own output.
_MIN_SECRET_LINE = 8
MAX_TEXT = 20_000  # characters of message/output sent to the browser
_HIDDEN_NAME = re.compile(rf"^{re.escape(HIDDEN_LABEL)} (\d+)$")


def _limit_for(status: str, limits: Limits):
    limit = {"timeout": limits.cpu_seconds, "memory": limits.memory_mb,
             "output_limit": limits.output_kb}.get(status, "")
    if isinstance(limit, float) and limit.is_integer():
        limit = int(limit)
    return limit


def status_message(data: dict, gettext) -> str:
    """The one-sentence summary of a redacted verdict, in the learner's language."""
    status = data["status"]
    if status == "ok":
        if data["total"] and data["passed"] == data["total"]:
            return gettext(STATUS["all_passed"])
        return gettext(STATUS["some_passed"]).format(passed=data["passed"], total=data["total"])
    return gettext(STATUS.get(status, STATUS["error"])).format(limit=data.get("limit", ""))


def _lines(texts) -> set[str]:
    return {line.strip() for text in texts for line in text.splitlines()
            if len(line.strip()) >= _MIN_SECRET_LINE}


def redact(text: str, hidden_files, public_texts=()) -> str:
    """Blank every line of *text* that quotes a hidden test file, and the files' names.

    Lines the learner can already see (*public_texts*: visible tests, their own code) are not
    secrets: `from somme import somme` stays readable in a visible test's traceback."""
    if not text or not hidden_files:
        return text[:MAX_TEXT] if text else ""
    text = text[:MAX_TEXT]
    names = [f.name for f in hidden_files]
    secrets = _lines(f.content for f in hidden_files) - _lines(public_texts)
    kept = []
    for line in text.splitlines():
        if any(s in line for s in secrets):
            kept.append(HIDDEN_REDACTED)
            continue
        for name in names:
            line = line.replace(name, HIDDEN_REDACTED)
        kept.append(line)
    return "\n".join(kept)[:MAX_TEXT]


def redacted_verdict(verdict: Verdict, exercise, files=None) -> dict:
    """The verdict as the browser may see it (Verdict.to_dict, redacted), still in English.
    *files* are the learner's own files (what they submitted)."""
    data = verdict.to_dict(redact_hidden=True)
    hidden_files = [t for t in exercise.tests if t.hidden]
    public = [t.content for t in exercise.tests if not t.hidden] + list((files or {}).values())
    for test in data["tests"]:
        test["message"] = "" if test.get("hidden") else redact(test.get("message", ""), hidden_files, public)
    # The grader's own trouble (sandbox, a broken test file) is logged for the staff by the
    # block; the learner gets the status sentence only.
    data["message"] = "" if verdict.status == "error" else redact(data.get("message", ""), hidden_files, public)
    # What the code printed while hidden tests called it could spell out their inputs, so a
    # run with hidden tests shows no output (Run, with visible tests only, shows it).
    data["output"] = "" if hidden_files else redact(data.get("output", ""), hidden_files, public)
    data["limit"] = _limit_for(verdict.status, exercise.limits)
    return data


def localize(data: dict, gettext) -> dict:
    """A redacted verdict with its sentences in the learner's language (the input is unchanged)."""
    if not data:
        return data
    shown = copy.deepcopy(data)
    marker = gettext(HIDDEN_REDACTED)

    def text(value: str) -> str:
        return translate_text(value, gettext).replace(HIDDEN_REDACTED, marker) if value else value

    for test in shown.get("tests", []):
        match = _HIDDEN_NAME.match(test.get("name", ""))
        if test.get("hidden") and match:
            test["name"] = gettext(HIDDEN_TEST).format(number=match.group(1))
        test["message"] = text(test.get("message", ""))
    shown["message"] = text(shown.get("message", ""))
    shown["output"] = (shown.get("output") or "").replace(HIDDEN_REDACTED, marker)
    shown["status_message"] = status_message(shown, gettext)
    return shown


def learner_verdict(verdict: Verdict, exercise, gettext, files=None) -> dict:
    """redacted_verdict() then localize(): what a handler answers."""
    return localize(redacted_verdict(verdict, exercise, files), gettext)
