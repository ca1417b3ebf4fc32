"""Running a lesson's "try it" snippet: input checks, the sandbox call, learner-facing messages.

The sandbox is the grader's (grader.api.run_snippet); this module only turns its verdict into
what a learner should read. Internal error details go to the log, never to the page.
"""
from __future__ import annotations

import logging

from xblocks.common.i18n import N_

log = logging.getLogger(__name__)

MAX_SNIPPET_CHARS = 20_000

STATUS_MESSAGES = {
    "ok": "",
    "timeout": N_("Your code took too long and was stopped."),
    "memory": N_("Your code used too much memory and was stopped."),
    "output_limit": N_("Your code printed too much: the output was cut."),
    "crash": N_("Your code stopped with an error."),
    "error": N_("Code cannot be run right now. Try again in a moment."),
}


def check_code(code) -> str | None:
    """None when *code* can be sent to the sandbox, else the (untranslated) reason."""
    if not isinstance(code, str):
        return N_('Send the code to run as {"code": "..."}.')
    if not code.strip():
        return N_("There is no code to run.")
    if len(code) > MAX_SNIPPET_CHARS:
        return N_("The code is too long to run here (at most 20,000 characters).")
    return None


def run(language: str, code: str, tr) -> dict:
    """Run *code* and describe the outcome for the learner: {"status", "output", "message"}."""
    try:
        from grader.api import run_snippet

        verdict = run_snippet(language, code)
    except Exception:  # the grader failing is our problem, not the learner's: log it, say so plainly
        log.exception("running a %s snippet failed", language)
        return {"status": "error", "output": "", "message": tr.gettext(STATUS_MESSAGES["error"])}
    status = verdict.status if verdict.status in STATUS_MESSAGES else "error"
    if status == "error":
        log.warning("snippet sandbox error: %s", verdict.message)
        return {"status": "error", "output": "", "message": tr.gettext(STATUS_MESSAGES["error"])}
    message = tr.gettext(STATUS_MESSAGES[status]) if STATUS_MESSAGES[status] else ""
    return {"status": status, "output": verdict.output or "", "message": message}
