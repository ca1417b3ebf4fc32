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
    ("InvalidSetting", "end"): "Open edX accepts a course with no end date: it stays open",
}
POLICY_FILES = ("policy.json", "grading_policy.json")
_OBJECT = re.compile(r"<([\w-]+) url_name='([^']*)'")


# Settings olxcleaner reads from policy.json: when that file is broken they all look missing.
POLICY_SETTINGS = {"InvalidSetting", "DateOrdering", "SettingOverride"}


def run_olxcleaner(directory: str, report: Report, policy_ok: bool = True, lines: dict | None = None) -> bool:
    """Add olxcleaner's findings for the course in *directory* to *report*.

    With policy_ok False (policy.json could not be read, already reported), the settings it
    would have provided are not reported missing again. *lines* maps (tag, url_name) to the
    (file, line) where structure.py found the block, to give olxcleaner's findings a line.
    Returns False when olxcleaner could not load the course at all (our own reading says why).
    """
    from olxcleaner import validate  # imported here: it pulls in dateutil/pytz, not needed elsewhere

    try:
        course, errorstore, _ = validate(directory, steps=8, allowed_xblocks=list(SUITE_TAGS))
    except Exception as exc:  # olxcleaner is third-party code: never let it crash the whole run
        report.error("olxcleaner", f"olxcleaner stopped on this course ({type(exc).__name__}: {exc}); "
                     "fix the errors above and run again", file=display_path(directory))
        return False
    run = course.attributes.get("url_name", "") if course is not None else ""
    for err in errorstore.errors:
        if policy_ok or err.name not in POLICY_SETTINGS:
            add_olxcleaner_error(err, directory, report, run, lines or {})
    return course is not None


def add_olxcleaner_error(err, directory: str, report: Report, run: str = "", lines: dict | None = None):
    if err.name in ALREADY_CHECKED or err.level not in ("ERROR", "WARNING"):
        return
    level = ERROR if err.level == "ERROR" else WARNING
    message = err.description.rstrip(".")
    hint = HINTS.get(err.name)
    if "required setting" in message:
        hint = f'set it in policies/{run or "<run>"}/policy.json under "course/{run or "<run>"}"'
    if hint:
        message = f"{message}: {hint}"
    for (name, setting), why in DOWNGRADED.items():
        if err.name == name and f"'{setting}'" in err.description:
            level, message = WARNING, f"{message} ({why})"
    match = _OBJECT.search(err.description)
    url_name = match.group(2) if match else ""
    filename = err.filename or ""
    if filename in POLICY_FILES and run:  # olxcleaner names policy files without their folder
        filename = os.path.join("policies", run.replace(":", "/"), filename)
    shown = display_path(os.path.join(directory, filename)) if filename else ""
    line = None
    if match and filename not in POLICY_FILES and (match.group(1), url_name) in (lines or {}):
        shown, line = lines[(match.group(1), url_name)]
    report.add(level, "olxcleaner", f"{message} [{err.name}]", file=shown, line=line, url_name=url_name)
