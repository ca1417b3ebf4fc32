"""What a learner is told about a verdict: redacted, translated, safe to send to the browser.

Hidden tests appear only as "Hidden test N" with pass/fail. Their code must not leak through the
verdict's free text either (a traceback can quote a test file), so any line of a hidden test
file found in the message or the printed output is blanked.
"""
from __future__ import annotations

from grader.exercise import Limits
from grader.verdict import Verdict
from xblocks.coding_exercise.messages import HIDDEN_REDACTED, HIDDEN_TEST, STATUS

# Lines shorter than this are too common ("pass", ")") to reveal anything; blanking them
# would only garble the learner's own output.
_MIN_SECRET_LINE = 8
MAX_TEXT = 20_000  # characters of message/output sent to the browser


def status_message(verdict: Verdict, limits: Limits, gettext) -> str:
    """The one-sentence summary for the learner, in their language."""
    status = verdict.status
    if status == "ok":
        if verdict.total and verdict.passed == verdict.total:
            return gettext(STATUS["all_passed"])
        return gettext(STATUS["some_passed"]).format(passed=verdict.passed, total=verdict.total)
    limit = {"timeout": limits.cpu_seconds, "memory": limits.memory_mb,
             "output_limit": limits.output_kb}.get(status, "")
    if status == "timeout" and isinstance(limit, float) and limit.is_integer():
        limit = int(limit)
    return gettext(STATUS[status]).format(limit=limit)


def redact(text: str, hidden_files, gettext) -> str:
    """Blank every line of *text* that quotes a hidden test file, and the files' names."""
    if not text or not hidden_files:
        return text[:MAX_TEXT] if text else ""
    secrets = set()
    names = []
    for f in hidden_files:
        names.append(f.name)
        for line in f.content.splitlines():
            line = line.strip()
            if len(line) >= _MIN_SECRET_LINE:
                secrets.add(line)
    marker = gettext(HIDDEN_REDACTED)
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped in secrets or any(s in line for s in secrets):
            kept.append(marker)
            continue
        for name in names:
            line = line.replace(name, marker)
        kept.append(line)
    return "\n".join(kept)[:MAX_TEXT]


def learner_verdict(verdict: Verdict, exercise, gettext) -> dict:
    """The verdict as the browser may see it (grader.verdict.Verdict.to_dict, redacted)."""
    data = verdict.to_dict(redact_hidden=True)
    hidden_files = [t for t in exercise.tests if t.hidden]
    number = 0
    for test in data["tests"]:
        if test.get("hidden"):
            number += 1
            test["name"] = gettext(HIDDEN_TEST).format(number=number)
            test["message"] = ""
        else:
            test["message"] = redact(test.get("message", ""), hidden_files, gettext)
    data["message"] = redact(data.get("message", ""), hidden_files, gettext)
    data["output"] = redact(data.get("output", ""), hidden_files, gettext)
    data["status_message"] = status_message(verdict, exercise.limits, gettext)
    return data
