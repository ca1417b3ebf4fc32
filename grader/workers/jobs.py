"""Grading jobs and verdicts as plain JSON, both ways, checked field by field.

Only JSON crosses the broker (never pickle): a worker must not run what a message tells it to
unpickle. A message that does not match is refused with the field it got wrong, not obeyed.
"""
from __future__ import annotations

import dataclasses

from grader.exercise import LANGUAGES, Exercise, ExerciseError, Limits, SourceFile
from grader.verdict import OUTCOMES, STATUSES, TestResult, Verdict

# A run takes the exercise's wall time plus the sandboxes' start-up and the test harness's own
# grace periods (the Python runner allows the learner wall + 2 x 3 s). Beyond this the worker
# stops the job itself (soft limit), and a little later kills its process (hard limit).
RUN_OVERHEAD_SECONDS = 15.0
HARD_LIMIT_EXTRA_SECONDS = 5.0
LIMIT_NAMES = tuple(f.name for f in dataclasses.fields(Limits))


class JobError(ValueError):
    """A message is not a well-formed job or verdict; the message names the field."""


def time_limits(limits: Limits) -> tuple[float, float]:
    """(soft, hard) seconds a worker may spend on a job with these *limits*."""
    soft = limits.wall_seconds + RUN_OVERHEAD_SECONDS
    return soft, soft + HARD_LIMIT_EXTRA_SECONDS


# ---------------------------------------------------------------- caller -> worker
def grade_job(exercise: Exercise, files: dict[str, str]) -> dict:
    return {
        "language": exercise.language,
        "tests": [{"name": t.name, "content": t.content, "hidden": t.hidden} for t in exercise.tests],
        "limits": dataclasses.asdict(exercise.limits),
        "files": dict(files),
    }


def snippet_job(language: str, code: str, limits: Limits) -> dict:
    return {"language": language, "code": code, "limits": dataclasses.asdict(limits)}


def _field(data: dict, name: str, kind, where: str):
    if not isinstance(data, dict):
        raise JobError(f"{where} must be a JSON object")
    if name not in data:
        raise JobError(f"{where} has no {name!r} field")
    value = data[name]
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise JobError(f"{where}.{name} must be {names}, got {type(value).__name__}")
    return value


def _limits(data: dict) -> Limits:
    raw = _field(data, "limits", dict, "job")
    unknown = sorted(set(raw) - set(LIMIT_NAMES))
    if unknown:
        raise JobError(f"job.limits has unknown fields {unknown}: expected {list(LIMIT_NAMES)}")
    values = {name: _field(raw, name, (int, float), "job.limits") for name in raw}
    try:
        return Limits(**values).validate()
    except ExerciseError as exc:
        raise JobError(f"job.limits: {exc}") from None


def _language(data: dict) -> str:
    language = _field(data, "language", str, "job")
    if language not in LANGUAGES:
        raise JobError(f"job.language {language!r} is not one of {', '.join(LANGUAGES)}")
    return language


def exercise_from_job(data: dict) -> tuple[Exercise, dict[str, str]]:
    """The (exercise, files) a grade job describes; JobError if any field is wrong."""
    language = _language(data)
    tests = []
    for i, test in enumerate(_field(data, "tests", list, "job")):
        where = f"job.tests[{i}]"
        try:
            tests.append(SourceFile(_field(test, "name", str, where), _field(test, "content", str, where),
                                    _field(test, "hidden", bool, where)))
        except ExerciseError as exc:
            raise JobError(f"{where}: {exc}") from None
    files = _field(data, "files", dict, "job")
    for name, content in files.items():
        if not isinstance(content, str):
            raise JobError(f"job.files[{name!r}] must be text, got {type(content).__name__}")
    try:
        exercise = Exercise(language=language, tests=tuple(tests), limits=_limits(data))
    except ExerciseError as exc:
        raise JobError(f"job: {exc}") from None
    return exercise, files


def snippet_from_job(data: dict) -> tuple[str, str, Limits]:
    """The (language, code, limits) a snippet job describes; JobError if any field is wrong."""
    return _language(data), _field(data, "code", str, "job"), _limits(data)


# ---------------------------------------------------------------- worker -> caller
def verdict_from_dict(data: dict) -> Verdict:
    """Rebuild the Verdict a worker sent (Verdict.to_dict(), unredacted); JobError if malformed."""
    status = _field(data, "status", str, "verdict")
    if status not in STATUSES:
        raise JobError(f"verdict.status {status!r} is not one of {', '.join(STATUSES)}")
    tests = []
    for i, test in enumerate(_field(data, "tests", list, "verdict")):
        where = f"verdict.tests[{i}]"
        outcome = _field(test, "outcome", str, where)
        if outcome not in OUTCOMES:
            raise JobError(f"{where}.outcome {outcome!r} is not one of {', '.join(OUTCOMES)}")
        tests.append(TestResult(name=_field(test, "name", str, where), outcome=outcome,
                                message=_field(test, "message", str, where),
                                hidden=_field(test, "hidden", bool, where)))
    return Verdict(status, tests=tests, message=_field(data, "message", str, "verdict"),
                   output=_field(data, "output", str, "verdict"))
