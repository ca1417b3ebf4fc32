"""The checks every language's corpus runs, defined once.

A corpus test module calls `globals().update(corpus_checks(CASES, EXERCISES, KNOWN_MISMATCHES))`:
pytest then collects the same fixture and tests in each module, with that module's data.
"""
import pytest

from tests.corpus.comparison import differences, example_param, one_test_difference, run_all


def corpus_checks(cases, exercises, known_mismatches) -> dict:
    @pytest.fixture(scope="module")
    def runs():
        return run_all(cases)

    @pytest.mark.parametrize("case_id", [c.id for c in cases])
    def test_grader_matches_bare_run(runs, case_id):
        skip = {name for (known_id, name) in known_mismatches if known_id == case_id}
        assert differences(runs[case_id], skip) == []

    @pytest.mark.parametrize("case_id,name", [
        pytest.param(case_id, name, marks=pytest.mark.xfail(strict=True, raises=AssertionError,
                                                            reason=reason))
        for (case_id, name), reason in known_mismatches.items()])
    def test_known_mismatch(runs, case_id, name):
        assert one_test_difference(runs[case_id], name) == []

    @pytest.mark.parametrize("exercise", exercises)
    def test_reference_solution_passes_bare(runs, exercise):
        bare = runs[f"{exercise}/example"].bare
        assert set(bare.values()) == {"passed"}, bare

    @pytest.mark.parametrize("exercise", [example_param(e, known_mismatches) for e in exercises])
    def test_reference_solution_scores_full_marks(runs, exercise):
        run = runs[f"{exercise}/example"]
        assert run.verdict.score == 1.0, [(t.name, t.message) for t in run.verdict.tests if not t.passed]

    @pytest.mark.parametrize("exercise", exercises)
    def test_stub_scores_less_than_full_marks(runs, exercise):
        run = runs[f"{exercise}/stub"]
        assert {"failed", "error"} & set(run.bare.values()), run.bare
        assert run.verdict.score < 1.0

    @pytest.mark.parametrize("case_id", [c.id for c in cases if c.submission.startswith("wrong_")])
    def test_wrong_solution_is_really_wrong(runs, case_id):
        # the corpus itself: a "wrong" solution that passes every test bare proves nothing
        assert {"failed", "error"} & set(runs[case_id].bare.values()), runs[case_id].bare

    tests = (test_grader_matches_bare_run, test_known_mismatch, test_reference_solution_passes_bare,
             test_reference_solution_scores_full_marks, test_stub_scores_less_than_full_marks,
             test_wrong_solution_is_really_wrong)
    return {"runs": runs, **{test.__name__: test for test in tests}}
