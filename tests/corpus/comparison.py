"""Grading every corpus submission both ways (bare run and grader) and comparing per test.

How results are compared (docs/corpus.md):
- names: the grader must report exactly the tests the bare run reports (unittest `Class.method`,
  pytest `test_x[id]` / `TestClass.test_x`, node:test `suite > test`);
- pass/fail: the set of passing tests must be identical. A unittest method with subtests is one
  test in both, failed if any subtest failed. Skipped counts as not passed;
- kind: for unittest and node:test, a test that did not pass must be `failed` (an assertion)
  or `error` (any other exception) in both. pytest does not make that distinction bare.
Known mismatches are listed per (submission, test) with the reason; they are checked separately
as strict xfails, so the comparison of every other test stays a plain assertion.
"""
from __future__ import annotations

import concurrent.futures
from dataclasses import dataclass

import pytest

from grader.verdict import Verdict
from tests.corpus.corpus import Case, bare, graded

STATUS = "(verdict status)"  # a known-mismatch entry about the whole verdict, not one test
WORKERS = 3  # grading waits on pipes most of the time: a little above the 2 cores pays


@dataclass
class Run:
    case: Case
    bare: dict
    verdict: object
    error: str = ""  # the bare run or the grader could not be run at all

    @property
    def graded(self) -> dict:
        return {t.name: t.outcome for t in self.verdict.tests}

    def messages(self) -> dict:
        return {t.name: t.message for t in self.verdict.tests}


def run_all(all_cases: list[Case]) -> dict[str, Run]:
    def both(case):
        try:
            return Run(case, bare(case), graded(case))
        except Exception as exc:  # one broken case must not hide the results of the others
            return Run(case, {}, Verdict("error", message=str(exc)), f"{type(exc).__name__}: {exc}")

    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        runs = list(pool.map(both, all_cases))
    return {run.case.id: run for run in runs}


def _passed(outcome) -> bool:
    return outcome == "passed"


def differences(run: Run, skip=()) -> list[str]:
    """Every way the grader's verdict differs from the bare run, one readable line each."""
    problems = [f"could not run: {run.error}"] if run.error else []
    if STATUS not in skip:
        problems += _status_difference(run)
    bare_names, graded_names = set(run.bare), set(run.graded)
    if not bare_names:
        problems.append("the bare run reported no test")
    for name in sorted(bare_names - graded_names - set(skip)):
        problems.append(f"{name}: in the bare run ({run.bare[name]}), missing from the verdict")
    for name in sorted(graded_names - bare_names - set(skip)):
        problems.append(f"{name}: in the verdict ({run.graded[name]}), not in the bare run")
    for name in sorted(bare_names & graded_names - set(skip)):
        problems += _test_difference(run, name)
    return problems


def _status_difference(run: Run) -> list[str]:
    # a bare run has no verdict status: tests ran, so the grader's must be "ok"
    if run.verdict.status != "ok":
        return [f"verdict status {run.verdict.status!r}: {run.verdict.message}"]
    return []


def _test_difference(run: Run, name: str) -> list[str]:
    want, got = run.bare[name], run.graded[name]
    if _passed(want) != _passed(got):
        return [f"{name}: bare {want}, grader {got}: {run.messages()[name][:300]!r}"]
    if run.case.style != "pytest" and not _passed(want) and want in ("failed", "error") \
            and want != got:
        return [f"{name}: bare {want}, grader {got} (kind): {run.messages()[name][:300]!r}"]
    return []


def one_test_difference(run: Run, name: str) -> list[str]:
    """The comparison of one known-mismatch test. A name on neither side is a corpus bug
    (LookupError), not the awaited fix: it must not satisfy the strict xfail."""
    if run.error:
        raise RuntimeError(f"{run.case.id} could not run: {run.error}")
    if name == STATUS:
        return _status_difference(run)
    if name not in run.bare and name not in run.graded:
        raise LookupError(f"{run.case.id}: no test {name!r} (bare: {sorted(run.bare)})")
    if name not in run.graded:  # a naming mismatch: list the bare name and the grader's name
        return [f"{name}: in the bare run, missing from the verdict"]
    if name not in run.bare:
        return [f"{name}: in the verdict, not in the bare run"]
    return _test_difference(run, name)


def known(reason, case_ids, names):
    """KNOWN_MISMATCHES entries: the same cause for these tests of these submissions."""
    return {(case_id, name): reason for case_id in case_ids for name in names}


def example_param(exercise, known_mismatches):
    """The exercise as a parameter; a strict xfail if its reference solution has known
    mismatches (it cannot score 1.0 until they are fixed)."""
    reasons = sorted({reason for (case_id, _), reason in known_mismatches.items()
                      if case_id == f"{exercise}/example"})
    if not reasons:
        return exercise
    return pytest.param(exercise, marks=pytest.mark.xfail(strict=True, raises=AssertionError,
                                                          reason="; ".join(reasons)))
