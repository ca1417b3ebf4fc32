"""The grader agrees with a bare run on a corpus of exercism-style Python exercises.

Every submission of tests/corpus/python/ (reference solution, starter stub, realistic wrong
solutions) is graded through grader.api.grade (two sandboxes and the proxy between them) and run
bare with the same tests (unittest: `python3 -m unittest` with the grader's interpreter; pytest
style: `python -m pytest`); per-test results must be the same. How: tests/corpus/comparison.py.
"""
import pytest

from tests.corpus.comparison import (STATUS, differences, example_param, known,
                                     one_test_difference, run_all)
from tests.corpus.corpus import cases, sandbox_available

pytestmark = [pytest.mark.sandbox,
              pytest.mark.skipif(not sandbox_available(), reason="needs bubblewrap")]

CASES = cases("python")
EXERCISES = sorted({c.exercise for c in CASES})

# (submission id, test name) -> why the grader's verdict differs from the bare run. Each is a
# grader bug or limit found by this corpus (docs/corpus.md has a reproduction for each cause);
# its check is a strict xfail, so it fails loudly once the grader is fixed and the entry must
# then be removed. STATUS stands for the verdict's status rather than one test.
TYPE_CHECKS = ("PY-3: isinstance(x, types.GeneratorType) and inspect.isgeneratorfunction(f) are "
               "false for learner generators / functions (T sees proxies)")
REVERSED = ("PY-5: reversed(learner_object) ignores the learner's __reversed__ (the proxy has "
            "__len__/__getitem__ but no __reversed__): TypeError 'not subscriptable'")
PLAIN_EQUALITY = ("PY-8: a learner object is never equal to a plain value (by design, ADR 0001), "
                  "so a learner __eq__ that says Clock == '08:00' is not asked and the test passes")
EXACT_BOOL = ("PY-9: a learner __eq__ returning None is an error (TypeError) in the grader, a "
              "plain failure bare (outcome kind only)")
REPR_FALLBACK = ("PY-10: a learner __repr__ returning None becomes '<Clock object>' (failed) "
                 "instead of TypeError (error) (outcome kind only)")
SEPARATE_FILES = ("PY-11: a file learner code writes (in the test's tmp_path) is not where the "
                  "test reads it: FileNotFoundError in the learner's open(path, 'w')")
STDLIB_EXCEPTION = ("PY-12: a standard-library exception raised in learner code "
                    "(dataclasses.FrozenInstanceError) is not the class the test catches")
TEST_SUBCLASS = ("PY-13: a test class that subclasses a learner class fails with 'TypeError: "
                 "Object of type type is not JSON serializable'")

STACKED_IDS = ("PY-14: stacked @parametrize decorators are named in the other order "
               "(grader test_x[3-0], pytest test_x[0-3]); outcomes agree")
ESCAPED_IDS = ("PY-15: a non-ASCII parametrize value is named as written by the grader "
               "(test_x[été]) but escaped by pytest (test_x[\\xe9t\\xe9]); outcomes agree")
WARNINGS = ("PY-16: pytest.warns (and assertWarns) cannot see a warning raised by learner code: "
            "'DID NOT WARN'")
PARAM_MARKS = ("PY-17: pytest.param(..., marks=pytest.mark.xfail(...)) crashes the harness "
               "(AttributeError: 'MarkDecorator' object has no attribute 'name'): status 'error', "
               "no test reported, for every submission")
CAUSE_LOST = ("PY-18: the __cause__ of a learner exception (raise ... from exc) is None in "
              "the test")
ENVIRONMENT = ("PY-19: os.environ changed by the test (mock.patch.dict) is not seen by "
               "learner code")
LOGGING = ("PY-20: assertLogs (and caplog) cannot see records logged by learner code: 'no logs "
           "of level INFO or higher triggered'")
ARGV = ("PY-21: sys.argv patched by the test (mock.patch.object(sys, 'argv', ...)) is not seen "
        "by learner code, called directly or through runpy.run_path")
RUNPY_EXIT_ZERO = ("PY-22: runpy.run_path of a learner program that ends with sys.exit(0) does "
                   "not raise SystemExit as it does bare (outcome kind only here)")
SEASONS = ["seasons/example", "seasons/stub", "seasons/wrong_integer_maths"]
DISCOUNT = ["discount/example", "discount/stub", "discount/wrong_no_rounding"]


KNOWN_MISMATCHES = {
    **known(TYPE_CHECKS, ["generators/example", "generators/wrong_off_by_one"],
             ["FibonacciTest.test_is_a_generator", "FibonacciTest.test_is_a_generator_function"]),
    **known(REVERSED, ["linked_list/example", "linked_list/wrong_python_list"],
             ["LinkedListTest.test_reversed"]),
    **known(PLAIN_EQUALITY, ["clock/wrong_no_hash", "clock/wrong_no_normalise"],
             ["ClockEqualityTest.test_clock_is_not_equal_to_a_string"]),
    **known(EXACT_BOOL, ["clock/stub"],
             ["ClockEqualityTest.test_clocks_with_same_time",
              "ClockEqualityTest.test_clocks_with_hour_overflow",
              "ClockEqualityTest.test_clocks_with_negative_hours_and_minutes"]),
    **known(EXACT_BOOL, ["custom_set/stub"],
             ["CustomSetTest.test_sets_with_the_same_elements_are_equal",
              "CustomSetTest.test_set_with_duplicated_elements_is_equal_to_same_set_without",
              "CustomSetTest.test_add_to_non_empty_set"]),
    **known(REPR_FALLBACK, ["clock/stub"],
             ["ClockReprTest.test_repr", "ClockReprTest.test_repr_normalised"]),
    **known(SEPARATE_FILES, ["file_report/example", "file_report/wrong_unsorted"],
             ["TestRoundTrip.test_saved_report_has_one_line_per_learner"]),
    **known(SEPARATE_FILES, ["file_report/example"], ["test_save_report_writes_sorted_lines"]),
    **known(STDLIB_EXCEPTION, ["shapes/example"], ["PointTest.test_points_are_frozen"]),
    **known(STACKED_IDS, SEASONS, [f"test_between_seasons[{a}-{b}]" for a, b in
                                    ((0, 3), (0, 9), (12, 3), (12, 9), (3, 0), (9, 0), (3, 12), (9, 12))]),
    **known(ESCAPED_IDS, SEASONS, ["test_season_names_are_known[\\xe9t\\xe9]",
                                    "test_season_names_are_known[été]"]),
    **known(WARNINGS, ["seasons/example"], ["test_old_convert_warns"]),
    **known(PARAM_MARKS, DISCOUNT, [STATUS, "test_vat", "test_vat_rate_argument",
                                     "test_invalid_percent[-1]", "test_invalid_percent[101]"]
             + [f"test_apply_discount[{case}]" for case in (
                 "dix pour cent", "quart", "sans remise", "gratuit", "centimes",
                 "arrondi bancaire")]),
    **known(CAUSE_LOST, ["dice_game/example"], ["GameTest.test_bad_bet_explains_the_cause"]),
    **known(ENVIRONMENT, ["dice_game/example"],
             ["GameTest.test_player_name_from_environment"]),
    **known(LOGGING, ["dice_game/example"], ["RollTest.test_rolls_are_logged"]),
    **known(ARGV, ["command_line/example"], ["ArgvTest.test_name_from_the_command_line",
                                              "ArgvTest.test_run_as_main_with_runpy"]),
    **known(RUNPY_EXIT_ZERO, ["command_line/wrong_argv_index"],
            ["ArgvTest.test_run_as_main_with_runpy"]),
    **known(TEST_SUBCLASS, ["shapes/example", "shapes/stub", "shapes/wrong_hardcoded_names"],
             ["ShapeTest.test_subclass_written_in_the_test"]),
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
def test_reference_solution_passes_bare(runs, exercise):
    bare = runs[f"{exercise}/example"].bare
    assert set(bare.values()) == {"passed"}, bare


@pytest.mark.parametrize("exercise", [example_param(e, KNOWN_MISMATCHES) for e in EXERCISES])
def test_reference_solution_scores_full_marks(runs, exercise):
    run = runs[f"{exercise}/example"]
    assert run.verdict.score == 1.0, [(t.name, t.message) for t in run.verdict.tests if not t.passed]


@pytest.mark.parametrize("exercise", EXERCISES)
def test_stub_scores_less_than_full_marks(runs, exercise):
    run = runs[f"{exercise}/stub"]
    assert {"failed", "error"} & set(run.bare.values()), run.bare
    assert run.verdict.score < 1.0


@pytest.mark.parametrize("case_id", [c.id for c in CASES if c.submission.startswith("wrong_")])
def test_wrong_solution_is_really_wrong(runs, case_id):
    # the corpus itself: a "wrong" solution that passes every test bare proves nothing
    assert {"failed", "error"} & set(runs[case_id].bare.values()), runs[case_id].bare


def test_corpus_covers_enough():
    assert len(EXERCISES) >= 25
    by_exercise = {e: {c.submission for c in CASES if c.exercise == e} for e in EXERCISES}
    assert all(any(s.startswith("wrong_") for s in subs) for subs in by_exercise.values()), by_exercise
    assert {c.style for c in CASES} == {"unittest", "pytest"}
    assert all(case_id in {c.id for c in CASES} for case_id, _ in KNOWN_MISMATCHES)
