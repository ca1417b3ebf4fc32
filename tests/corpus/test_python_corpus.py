"""The grader agrees with a bare run on a corpus of exercism-style Python exercises.

Every submission of tests/corpus/python/ (reference solution, starter stub, realistic wrong
solutions) is graded through grader.api.grade (two sandboxes and the proxy between them) and run
bare with the same tests (unittest: `python3 -m unittest` with the grader's interpreter; pytest
style: `python -m pytest`); per-test results must be the same. How: tests/corpus/comparison.py.
"""
import pytest

from tests.corpus.comparison import differences, one_test_difference, run_all
from tests.corpus.corpus import cases, sandbox_available

pytestmark = [pytest.mark.sandbox,
              pytest.mark.skipif(not sandbox_available(), reason="needs bubblewrap")]

CASES = cases("python")
EXERCISES = sorted({c.exercise for c in CASES})

# (submission id, test name) -> why the grader's verdict differs from the bare run. Each is a
# grader bug or limit found by this corpus (see docs/corpus.md); its check is a strict xfail, so
# it fails loudly once the grader is fixed and the entry must then be removed.
KNOWN_MISMATCHES = {
}


@pytest.fixture(scope="module")
def runs():
    return run_all(CASES)


@pytest.mark.parametrize("case_id", [c.id for c in CASES])
def test_grader_matches_bare_run(runs, case_id):
    skip = {name for (known_id, name) in KNOWN_MISMATCHES if known_id == case_id}
    assert differences(runs[case_id], skip) == []


@pytest.mark.parametrize("case_id,name", [
    pytest.param(case_id, name, marks=pytest.mark.xfail(strict=True, raises=AssertionError,
                                                        reason=reason))
    for (case_id, name), reason in KNOWN_MISMATCHES.items()])
def test_known_mismatch(runs, case_id, name):
    assert one_test_difference(runs[case_id], name) == []


@pytest.mark.parametrize("exercise", EXERCISES)
def test_reference_solution_scores_full_marks(runs, exercise):
    run = runs[f"{exercise}/example"]
    assert set(run.bare.values()) == {"passed"}, run.bare
    assert run.verdict.score == 1.0, [(t.name, t.message) for t in run.verdict.tests if not t.passed]


@pytest.mark.parametrize("exercise", EXERCISES)
def test_stub_and_wrong_solutions_fail_some_test(runs, exercise):
    for run in runs.values():
        if run.case.exercise == exercise and run.case.submission != "example":
            assert "failed" in run.bare.values() or "error" in run.bare.values(), run.case.id
            assert run.verdict.score < 1.0, run.case.id


def test_corpus_covers_enough():
    assert len(EXERCISES) >= 25
    by_exercise = {e: {c.submission for c in CASES if c.exercise == e} for e in EXERCISES}
    assert all(any(s.startswith("wrong_") for s in subs) for subs in by_exercise.values()), by_exercise
    styles = {c.style for c in CASES}
    assert styles == {"unittest", "pytest"}
