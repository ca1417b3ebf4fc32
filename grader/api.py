"""The grader's front door: grade a submission for an exercise.

    verdict = grade(exercise, {"somme.py": code})              # Submit: all tests
    verdict = grade(exercise.visible_only(), {"somme.py": code})  # Run: visible tests

Learner code only ever runs inside the sandbox (grader.sandbox); a runner per language
(grader.runners.<language>) knows how to run its tests there and read the results.
With JOBINTECH_GRADER_BACKEND=celery, jobs go to grader workers instead (grader.workers).
"""
from __future__ import annotations

from grader import workers
from grader.exercise import LANGUAGES, Exercise, ExerciseError, Limits, check_file_name
from grader.runners import get_runner
from grader.sandbox import SandboxError
from grader.verdict import Verdict

MAX_SUBMISSION_FILES = 50
MAX_SUBMISSION_BYTES = 512 * 1024


def check_submission(files: dict[str, str]) -> dict[str, str]:
    """Validate a submission's file names and sizes; raise ExerciseError with a clear message."""
    if not files:
        raise ExerciseError("the submission has no file")
    if len(files) > MAX_SUBMISSION_FILES:
        raise ExerciseError(f"the submission has {len(files)} files; at most {MAX_SUBMISSION_FILES} are allowed")
    total = 0
    for name, content in files.items():
        check_file_name(name, "submission file")
        if not isinstance(content, str):
            raise ExerciseError(f"submission file {name!r} must be text")
        total += len(content.encode("utf-8", "surrogatepass"))
    if total > MAX_SUBMISSION_BYTES:
        raise ExerciseError(f"the submission is {total} bytes; at most {MAX_SUBMISSION_BYTES} are allowed")
    return files


def grade(exercise: Exercise, files: dict[str, str]) -> Verdict:
    """Run *exercise*'s tests against the submitted *files* in a fresh sandbox.

    Never raises for anything the learner's code does: that ends in the verdict's status.
    Raises ExerciseError for a malformed exercise or submission (bad names, too big).
    If no sandbox can be set up, returns status "error" (grading fails closed).
    """
    check_submission(files)
    if workers.remote_backend_selected():
        return workers.grade(exercise, files)
    runner = get_runner(exercise.language)
    try:
        return runner.grade(exercise, files)
    except SandboxError as exc:
        return Verdict("error", message=f"the grader could not start a sandbox: {exc}")


def run_snippet(language: str, code: str, limits: Limits | None = None) -> Verdict:
    """Run a lesson's "try it" snippet in the sandbox; Verdict.output holds what it printed."""
    if language not in LANGUAGES:
        raise ExerciseError(f"unknown language {language!r}: choose one of {', '.join(LANGUAGES)}")
    if len(code.encode("utf-8", "surrogatepass")) > MAX_SUBMISSION_BYTES:
        raise ExerciseError(f"the snippet is larger than {MAX_SUBMISSION_BYTES} bytes")
    if workers.remote_backend_selected():
        return workers.run_snippet(language, code, (limits or Limits()).validate())
    try:
        return get_runner(language).run_snippet(code, (limits or Limits()).validate())
    except SandboxError as exc:
        return Verdict("error", message=f"the grader could not start a sandbox: {exc}")
