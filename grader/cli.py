"""`jobintech grade`: grade submission files or folders, one JSON line (or text line) each.

    jobintech grade --language python --tests test_bob.py [--tests more.py] [--json] bob.py ...
    jobintech grade --exercise course_content/coding_exercise/py_somme.xml alice/ bob/

A submission file keeps its own name in the sandbox; a folder is a multi-file submission.
Exit status: 0 graded, 1 could not grade (no sandbox), 2 bad input (message on stderr).
"""
from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import json
import os
import sys

from grader import api
from grader.exercise import LANGUAGES, Exercise, ExerciseError, Limits, SourceFile
from grader.olx import parse_file
from grader.sandbox import SandboxError
from grader.verdict import Verdict

SKIPPED_NAMES = {"__pycache__", "node_modules", ".git"}


class UsageError(Exception):
    """Bad command-line input; the message says what and how to fix it."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="jobintech grade", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--language", choices=LANGUAGES, help="language of the submissions")
    p.add_argument("--tests", action="append", default=[], metavar="FILE",
                   help="a test file (repeat for several)")
    p.add_argument("--exercise", metavar="BLOCK.xml", help="grade against an OLX coding_exercise")
    p.add_argument("--json", action="store_true", help="print one JSON object per line")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="submissions graded at once (default: number of cores)")
    p.add_argument("--cpu-time", type=float, metavar="S", help="CPU seconds per run")
    p.add_argument("--wall-time", type=float, metavar="S", help="wall-clock seconds per run")
    p.add_argument("--memory", type=int, metavar="MB", help="memory per run, MiB")
    p.add_argument("submissions", nargs="+", metavar="SUBMISSION", help="a file or a folder")
    return p


def _read_text(path: str, what: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        raise UsageError(f"{what} {path!r} does not exist") from None
    except UnicodeDecodeError:
        raise UsageError(f"{what} {path!r} is not UTF-8 text") from None
    except OSError as exc:
        raise UsageError(f"cannot read {what} {path!r}: {exc.strerror}") from None


def read_submission(path: str) -> dict[str, str]:
    """{name inside the sandbox: content} for a file or a folder (files below it, recursively)."""
    if os.path.isdir(path):
        files = {}
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_NAMES and not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith(".") or name.endswith(".pyc"):
                    continue
                full = os.path.join(dirpath, name)
                files[os.path.relpath(full, path).replace(os.sep, "/")] = _read_text(full, "submission file")
        if not files:
            raise UsageError(f"submission folder {path!r} has no file")
        return files
    return {os.path.basename(path): _read_text(path, "submission")}


def _exercise(args) -> Exercise:
    if args.exercise and (args.language or args.tests):
        raise UsageError("give either --exercise or --language with --tests, not both")
    if args.exercise:
        if not os.path.isfile(args.exercise):
            raise UsageError(f"exercise file {args.exercise!r} does not exist")
        exercise = parse_file(args.exercise).to_exercise()
    else:
        if not args.language:
            raise UsageError("--language is required (or --exercise BLOCK.xml)")
        if not args.tests:
            raise UsageError("give at least one --tests FILE")
        tests = tuple(SourceFile(os.path.basename(t), _read_text(t, "test file")) for t in args.tests)
        exercise = Exercise(language=args.language, tests=tests)
    overrides = {k: v for k, v in (("cpu_seconds", args.cpu_time), ("wall_seconds", args.wall_time),
                                   ("memory_mb", args.memory)) if v is not None}
    if overrides:
        limits = dataclasses.replace(exercise.limits, **overrides)
        if limits.wall_seconds < limits.cpu_seconds:
            limits = dataclasses.replace(limits, wall_seconds=limits.cpu_seconds * 2)
        exercise = dataclasses.replace(exercise, limits=limits.validate())
    return exercise


def _record(submission: str, verdict: Verdict) -> dict:
    return {
        "submission": submission,
        "status": verdict.status,
        "score": round(verdict.score, 6),
        "passed": verdict.passed,
        "total": verdict.total,
        "message": verdict.message,
        "tests": [{"name": t.name, "outcome": t.outcome, "message": t.message} for t in verdict.tests],
    }


def _text(record: dict) -> str:
    lines = [f"{record['submission']}: {record['status']} {record['passed']}/{record['total']} "
             f"score {record['score']:.2f}" + (f" — {record['message']}" if record["message"] else "")]
    for t in record["tests"]:
        mark = {"passed": "PASS", "failed": "FAIL"}.get(t["outcome"], "ERR ")
        first_line = t["message"].splitlines()[0] if t["message"] else ""
        lines.append(f"  {mark} {t['name']}" + (f": {first_line}" if first_line else ""))
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    try:
        exercise = _exercise(args)
        submissions = [(path, read_submission(path)) for path in args.submissions]
        for path, files in submissions:
            try:
                api.check_submission(files)
            except ExerciseError as exc:
                raise UsageError(f"submission {path!r}: {exc}") from None
    except (UsageError, ExerciseError) as exc:
        print(f"jobintech grade: {exc}", file=sys.stderr)
        return 2
    exit_code = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(api.grade, exercise, files) for _, files in submissions]
        for (path, _), future in zip(submissions, futures):
            try:
                verdict = future.result()
            except SandboxError as exc:
                verdict = Verdict("error", message=str(exc))
            if verdict.status == "error":
                exit_code = 1
            record = _record(path, verdict)
            print(json.dumps(record, ensure_ascii=False) if args.json else _text(record), flush=True)
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
