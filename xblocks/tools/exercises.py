"""Check each coding_exercise by grading it for real, the way learners' submissions are graded.

For every exercise: the reference solution passes every test, twice with the same outcomes (a
test that flips is flaky and would grade learners at random); the starter code does not pass
everything; an empty submission scores 0. Then mutants of the solution (mutation.py) are graded:
each one the tests accept is a wrong answer learners could get full marks for.

Grading goes through grader.api.grade, so the sandbox, limits and runners are the production
ones. Runs happen in a thread pool: each grade waits on a sandboxed process, and the grader's
warm pool lives in this process, so threads (not processes) keep it warm.
"""
from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from grader.exercise import Exercise, ExerciseError
from grader.olx import ExerciseDefinition, parse_element
from grader.verdict import Verdict
from xblocks.tools import mutation
from xblocks.tools.findings import MutationResult, Report
from xblocks.tools.structure import Block

_LOCATION = re.compile(r"^\S+:\d+: ")


@dataclass
class _Exercise:
    block: Block
    exercise: Exercise
    solution: dict[str, str]
    runs: dict = field(default_factory=dict)   # "solution", "solution_again", "starter", "empty" -> Verdict


def check_exercises(blocks: list[Block], report: Report, jobs: int, mutate: bool = True,
                    cap: int = mutation.DEFAULT_CAP, progress=None) -> None:
    """Grade every exercise of *blocks* and add what is wrong to *report*."""
    ready = [e for e in (_prepare(b, report) for b in blocks) if e is not None]
    if progress and ready:
        progress(f"grading {len(ready)} exercises, {jobs} at a time")
    with ThreadPoolExecutor(max_workers=max(1, jobs), thread_name_prefix="validate") as pool:
        runs = []
        for e in ready:
            submissions = {"solution": e.solution, "solution_again": e.solution,
                           "empty": {name: "" for name in e.exercise.submission_names()}}
            if e.exercise.starter:
                submissions["starter"] = {f.name: f.content for f in e.exercise.starter}
            for label, files in submissions.items():
                runs.append((e, label, pool.submit(_grade, e.exercise, files)))
        for e, label, future in runs:
            e.runs[label] = future.result()
        solid = [e for e in ready if _judge(e, report)]
        if progress:
            progress(f"{len(ready)} exercises graded; grading mutants of {len(solid)}" if mutate and solid
                     else f"{len(ready)} exercises graded")
        if not mutate:
            return
        tries = []
        for e in solid:
            generated = mutation.generate(e.exercise.language, e.solution)
            chosen = mutation.select(generated, cap)
            result = MutationResult(e.block.file, e.block.url_name, e.exercise.language,
                                    total=len(chosen), generated=len(generated))
            report.mutation.append(result)
            for m in chosen:
                files = {**e.solution, m.file: m.source}
                tries.append((e, m, result, pool.submit(_grade, e.exercise, files)))
        for e, m, result, future in tries:
            verdict = future.result()
            # A mutant is killed by any failing test, a crash, a timeout, or tests that cannot
            # even import it; only a clean pass survives.
            if verdict.status == "ok" and verdict.total and verdict.passed == verdict.total:
                result.survivors.append(m.sentence())
                report.warning("mutation", m.sentence(), file=e.block.file,
                               line=_olx_line(e.block, m.file, m.line), url_name=e.block.url_name)
            else:
                result.killed += 1


def _prepare(block: Block, report: Report) -> _Exercise | None:
    where = {"file": block.file, "line": block.line, "url_name": block.url_name}
    try:
        definition = parse_element(block.element)
    except ExerciseError as exc:
        report.error("exercise", _LOCATION.sub("", str(exc)), **where)
        return None
    for problem in _definition_problems(definition):
        report.add(problem.severity, "exercise", problem.text(lambda s: s), **where)
    try:
        exercise = definition.to_exercise()
    except (ExerciseError, TypeError) as exc:
        report.error("exercise", str(exc), **where)
        return None
    if not exercise.solution:
        report.error("exercise", "no <solution>: add the reference solution, so that validate can check "
                     "that the tests accept it and reject wrong answers", **where)
        return None
    return _Exercise(block, exercise, {f.name: f.content for f in exercise.solution})


def _definition_problems(definition: ExerciseDefinition) -> list:
    try:
        from xblocks.coding_exercise.definition import check_definition
    except ImportError:  # the block package is optional for this tool
        return []
    # The no-solution warning becomes an error in _prepare(): here the solution is required.
    return [p for p in check_definition(definition) if p.key != "no_solution"]


def _grade(exercise: Exercise, files: dict[str, str]) -> Verdict:
    """grader.api.grade, with every failure turned into an "error" verdict saying why."""
    try:
        from grader.api import grade

        return grade(exercise, files)
    except ExerciseError as exc:
        return Verdict("error", message=str(exc))
    except ImportError as exc:
        return Verdict("error", message=f"no grader runner for {exercise.language} is installed ({exc})")
    except Exception as exc:  # a grader bug must not stop the checks of the other exercises
        return Verdict("error", message=f"the grader failed: {type(exc).__name__}: {exc}")


def _judge(e: _Exercise, report: Report) -> bool:
    """Report what the four base runs show; True when the tests are sound enough to mutate."""
    block = e.block
    where = {"file": block.file, "url_name": block.url_name}
    solution_line = _element_line(block, "solution")
    first, again = e.runs["solution"], e.runs["solution_again"]
    if first.status == "error":
        report.error("exercise", f"could not grade the exercise: {first.message}", line=block.line, **where)
        return False
    if first.status != "ok":
        report.error("exercise", f"the reference solution does not run to the end ({_status(first)})",
                     line=solution_line, **where)
        return False
    failing = [t for t in first.tests if not t.passed]
    for t in failing:
        report.error("exercise", f"the reference solution fails the test {t.name}"
                     + (f": {_first_line(t.message)}" if t.message else ""), line=solution_line, **where)
    if not first.tests:
        report.error("exercise", "the tests report no test at all: check the test file names and that "
                     "each test is a test_ method or function", line=block.line, **where)
    flaky = _disagreements(first, again)
    for name, a, b in flaky:
        report.error("exercise", f"flaky test {name}: two runs of the reference solution gave {a} then {b}; "
                     "make the test deterministic (no time, randomness or order of a set)",
                     line=solution_line, **where)
    starter = e.runs.get("starter")
    if starter is not None and starter.status == "ok" and starter.tests and starter.passed == starter.total:
        report.error("exercise", "the starter code already passes every test: add a test that the "
                     "starter fails", line=_element_line(block, "starter"), **where)
    empty = e.runs["empty"]
    if empty.status == "ok" and empty.passed:
        names = ", ".join(t.name for t in empty.tests if t.passed)
        report.error("exercise", f"an empty submission passes {empty.passed} of {empty.total} tests ({names}): "
                     "these tests check nothing the learner writes", line=block.line, **where)
    return not failing and not flaky and bool(first.tests)


def _disagreements(a: Verdict, b: Verdict) -> list[tuple[str, str, str]]:
    if a.status != b.status:
        return [("(whole run)", a.status, b.status)]
    outcomes = {t.name: t.outcome for t in b.tests}
    found = [(t.name, t.outcome, outcomes.get(t.name, "missing")) for t in a.tests
             if outcomes.get(t.name) != t.outcome]
    return found


def _status(v: Verdict) -> str:
    text = {"timeout": "it ran out of time", "memory": "it ran out of memory",
            "output_limit": "it printed too much", "crash": "it crashed"}.get(v.status, v.status)
    return f"{text}: {_first_line(v.message)}" if v.message else text


def _first_line(text: str, limit: int = 200) -> str:
    line = next((l.strip() for l in (text or "").splitlines() if l.strip()), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _element_line(block: Block, tag: str) -> int:
    found = block.element.find(tag)
    return found.sourceline if found is not None else block.line


def _olx_line(block: Block, file_name: str, line: int) -> int:
    """The OLX line of *line* of the solution file *file_name* (its CDATA starts on the tag's line)."""
    for f in block.element.iterfind("solution/file"):
        if f.get("name") == file_name:
            return f.sourceline + line - 1
    return block.line
