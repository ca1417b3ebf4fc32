"""`jobintech validate COURSE_DIR`: everything that can be checked about an OLX course before import.

1. structure: course.xml -> run -> chapters -> ... -> blocks, every url_name resolvable and unique
   per tag, only known tags, policy JSON readable (structure.py);
2. olxcleaner's Open edX rules (olxcheck.py);
3. quizzes (every question has a correct answer), lessons and modules, by the blocks' own
   parsers (block_checks.py);
4. coding exercises graded for real: solution passes, starter does not, empty scores 0, no flaky
   test, and mutants of the solution the tests fail to reject (exercises.py, mutation.py).

Exit status: 0 no error (warnings allowed), 1 errors found, 2 bad command line or not a course.
"""
from __future__ import annotations

import argparse
import os
import sys

from xblocks.tools.findings import Report, display_path
from xblocks.tools.mutation import DEFAULT_CAP


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jobintech validate",
        description="Check an OLX course: structure, Open edX rules, quizzes, and each coding "
                    "exercise graded for real (solution, starter, empty submission, flaky tests, "
                    "mutants of the solution).")
    parser.add_argument("course_dir", metavar="COURSE_DIR", help="the folder holding course.xml")
    parser.add_argument("--json", action="store_true", help="print one JSON report instead of text")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="gradings run at once (default: the number of CPUs)")
    parser.add_argument("--no-mutation", action="store_true",
                        help="skip grading mutants of the solutions (faster; test quality not checked)")
    parser.add_argument("--mutants", type=int, default=DEFAULT_CAP, metavar="N",
                        help=f"at most N mutants per exercise (default {DEFAULT_CAP})")
    parser.add_argument("--structure-only", action="store_true",
                        help="check structure, policies and quizzes only; grade nothing")
    parser.add_argument("--only", action="append", default=[], metavar="URL_NAME",
                        help="grade only this coding exercise (repeatable); the rest is still checked")
    return parser


def course_dir_problem(course_dir: str) -> str | None:
    """Why *course_dir* is not a course folder at all, or None."""
    if not os.path.isdir(course_dir):
        return f"{course_dir} is not a folder: give the folder that holds course.xml"
    if not os.path.isfile(os.path.join(course_dir, "course.xml")):
        return f"{course_dir} has no course.xml: give the top folder of an OLX course"
    return None


def validate_structure(course_dir: str) -> tuple[Report, object]:
    """The fast checks (no grading): structure, policies, olxcleaner, quizzes, lessons, modules."""
    from xblocks.tools.olxcheck import run_olxcleaner
    from xblocks.tools.block_checks import check_blocks
    from xblocks.tools.structure import read_course

    report = Report(display_path(course_dir))
    course = read_course(course_dir, report)
    policy_ok = not any(f.check == "policy" and f.level == "error" for f in report.findings)
    run_olxcleaner(course_dir, report, policy_ok, {(b.tag, b.url_name): (b.file, b.line) for b in course.blocks})
    check_blocks(course, report)
    report.counts = {"blocks": len(course.blocks), "coding_exercises": len(course.of_tag("coding_exercise")),
                     "quizzes": len(course.of_tag("quiz"))}
    return report, course


def validate_course(course_dir: str, jobs: int, mutate: bool = True, cap: int = DEFAULT_CAP,
                    grade: bool = True, progress=None, only: list[str] | None = None) -> Report:
    report, course = validate_structure(course_dir)
    exercises = course.of_tag("coding_exercise")
    if only:
        known = {b.url_name for b in exercises}
        for url_name in only:
            if url_name not in known:
                report.error("exercise", f"--only {url_name}: the course has no coding_exercise with this "
                             "url_name", file=report.course_dir)
        exercises = [b for b in exercises if b.url_name in only]
    if grade:
        from xblocks.tools.exercises import check_exercises

        check_exercises(exercises, report, jobs, mutate=mutate, cap=cap, progress=progress)
    return report


def _print_progress(text: str) -> None:
    print(f"jobintech validate: {text}…", file=sys.stderr)


def main(argv=None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage and the problem
        return 0 if exc.code == 0 else 2
    problem = course_dir_problem(args.course_dir)
    if problem is None and args.jobs < 1:
        problem = f"--jobs must be at least 1, not {args.jobs}"
    if problem is None and args.mutants < 0:
        problem = f"--mutants must be 0 or more, not {args.mutants}"
    if problem:
        print(f"jobintech validate: {problem}", file=sys.stderr)
        return 2
    # Grading a whole course takes a minute or two: say what is happening, on a terminal only.
    progress = _print_progress if not args.json and sys.stderr.isatty() else None
    report = validate_course(args.course_dir, args.jobs, mutate=not args.no_mutation and args.mutants > 0,
                             cap=args.mutants, grade=not args.structure_only, progress=progress,
                             only=args.only)
    print(report.to_json() if args.json else report.to_text())
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
