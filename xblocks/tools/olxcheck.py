"""Run olxcleaner (the community OLX linter) on a course and turn its errors into our findings.

olxcleaner knows Open edX's own rules (course dates, grading policy, display names, links to
/static/ and /jump_to_id/) that we do not want to re-implement. It does not know our blocks, so
they are passed as allowed_xblocks (accepted where they stand, not looked into: structure.py and
the block checks do that). Its errors carry a file but no line; problems that structure.py
already reports with a line are skipped here so that each problem is reported once.
"""
from __future__ import annotations

import os
import re

from xblocks.tools.findings import ERROR, WARNING, Report, display_path
from xblocks.tools.structure import SUITE_TAGS

# Reported by structure.py (with a line number) or by read_policies().
ALREADY_CHECKED = {
    "CourseXMLDoesNotExist", "InvalidXML", "TagMismatch", "FileDoesNotExist", "UnexpectedTag",
    "MissingURLName", "DuplicateURLName", "InvalidPointer", "PossiblePointer", "URLNameMismatch",
    "NoRunName", "PolicyNotFound", "BadPolicy", "BadPolicyFormat", "PolicyRefNotFound", "BadEntry",
    "SelfPointer", "PointerAlreadyPointedAt",
}
# What the author should do, per olxcleaner error name.
HINTS = {
    "MissingDisplayName": "add a display_name: learners see it in the course outline",
    "ExtraDisplayName": "remove the display_name attribute, Open edX ignores it here",
    "EmptyTag": "add content or remove the element",
    "UnexpectedContent": "move the text into a block (e.g. an <html> or <lesson>)",
    "MissingFile": "add the file under static/ or fix the link",
    "BadJumpToLink": "link to an existing url_name",
    "BadCourseLink": "link to an existing chapter/sequential/vertical",
    "GradingPolicyIssue": "fix policies/<run>/grading_policy.json",
    "SettingOverride": "set it in one place only (the OLX attribute or policy.json)",
    "DateOrdering": "fix the dates in policy.json",
    "WrongObjectType": "use the block's own tag in the policy.json key",
}
# olxcleaner levels we lower: the import works and the course is usable without these.
DOWNGRADED = {
    ("InvalidSetting", "course_image"): "Studio shows its default course image",
}
_URL_NAME = re.compile(r"url_name='([^']*)'")


def run_olxcleaner(directory: str, report: Report) -> bool:
    """Add olxcleaner's findings for the course in *directory* to *report*.

    Returns False when olxcleaner could not load the course at all (our own reading says why).
    """
    from olxcleaner import validate  # imported here: it pulls in dateutil/pytz, not needed elsewhere

    try:
        course, errorstore, _ = validate(directory, steps=8, allowed_xblocks=list(SUITE_TAGS))
    except Exception as exc:  # olxcleaner is third-party code: never let it crash the whole run
        report.error("olxcleaner", f"olxcleaner stopped on this course ({type(exc).__name__}: {exc}); "
                     "fix the errors above and run again", file=display_path(directory))
        return False
    for err in errorstore.errors:
        add_olxcleaner_error(err, directory, report)
    return course is not None


def add_olxcleaner_error(err, directory: str, report: Report):
    if err.name in ALREADY_CHECKED or err.level not in ("ERROR", "WARNING"):
        return
    level = ERROR if err.level == "ERROR" else WARNING
    message = err.description
    for (name, setting), why in DOWNGRADED.items():
        if err.name == name and f"'{setting}'" in message:
            level, message = WARNING, f"{message} ({why})"
    hint = HINTS.get(err.name)
    if hint:
        message = f"{message.rstrip('.')}: {hint}"
    if "required setting" in message:
        message += ' (set it in policies/<run>/policy.json under "course/<run>")'
    match = _URL_NAME.search(err.description)
    report.add(level, "olxcleaner", f"{message} [{err.name}]",
               file=display_path(os.path.join(directory, err.filename)) if err.filename else "",
               url_name=match.group(1) if match else "")
