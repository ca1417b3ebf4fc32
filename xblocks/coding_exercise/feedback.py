"""What a learner is told about a verdict: redacted, translated, safe to send to the browser.

Hidden tests appear only as "Hidden test N" with pass/fail. Their code must not leak through the
verdict's free text either (a traceback can quote a test file), so any line of a hidden test
file found in a message is blanked, and a run with hidden tests shows nothing the code printed.
"""
from __future__ import annotations

from grader.exercise import Limits
from grader.verdict import Verdict
from xblocks.coding_exercise.messages import HIDDEN_REDACTED, HIDDEN_TEST, STATUS
from xblocks.coding_exercise.runner_text import translate_text

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


def _lines(texts) -> set[str]:
    return {line.strip() for text in texts for line in text.splitlines()
            if len(line.strip()) >= _MIN_SECRET_LINE}


def redact(text: str, hidden_files, gettext, public_texts=()) -> str:
    """Blank every line of *text* that quotes a hidden test file, and the files' names.

    Lines the learner can already see (*public_texts*: visible tests, their own code) are not
    secrets: `from somme import somme` stays readable in a visible test's traceback."""
    if not text or not hidden_files:
        return text[:MAX_TEXT] if text else ""
    text = text[:MAX_TEXT]
    names = [f.name for f in hidden_files]
    secrets = _lines(f.content for f in hidden_files) - _lines(public_texts)
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


def learner_verdict(verdict: Verdict, exercise, gettext, files=None) -> dict:
    """The verdict as the browser may see it (grader.verdict.Verdict.to_dict, redacted).
    *files* are the learner's own files (what they submitted)."""
    data = verdict.to_dict(redact_hidden=True)
    hidden_files = [t for t in exercise.tests if t.hidden]
    public = [t.content for t in exercise.tests if not t.hidden] + list((files or {}).values())
    number = 0
    for test in data["tests"]:
        if test.get("hidden"):
            number += 1
            test["name"] = gettext(HIDDEN_TEST).format(number=number)
            test["message"] = ""
        else:
            test["message"] = translate_text(redact(test.get("message", ""), hidden_files, gettext, public),
                                             gettext)
    if verdict.status == "error":
        # The grader's own trouble (sandbox, a broken test file): the learner gets the status
        # sentence only; the details are logged for the staff by the block.
        data["message"] = ""
    data["message"] = translate_text(redact(data.get("message", ""), hidden_files, gettext, public), gettext)
    # What the code printed while hidden tests called it could spell out their inputs, so a
    # run with hidden tests shows no output (Run, with visible tests only, shows it).
    data["output"] = "" if hidden_files else redact(data.get("output", ""), hidden_files, gettext, public)
    data["status_message"] = status_message(verdict, exercise.limits, gettext)
    return data
