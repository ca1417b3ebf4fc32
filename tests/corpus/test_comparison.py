"""The comparison itself: a difference between the bare run and the verdict is always reported
(without a sandbox: synthetic runs)."""
import pytest

from grader.verdict import TestResult, Verdict
from tests.corpus.comparison import STATUS, Run, differences, one_test_difference
from tests.corpus.corpus import Case

UNITTEST = "import unittest\nclass T(unittest.TestCase):\n    def test_a(self):\n        pass\n"
PYTEST = "def test_a():\n    pass\n"


def run(bare, graded, status="ok", source=UNITTEST):
    case = Case("python", "ex", "test_m.py", source, "m.py", "example", "")
    verdict = Verdict(status, [TestResult(name, outcome) for name, outcome in graded.items()])
    return Run(case, bare, verdict)


def test_identical_results_have_no_difference():
    assert differences(run({"T.a": "passed", "T.b": "failed"},
                           {"T.a": "passed", "T.b": "failed"})) == []


@pytest.mark.parametrize("bare,graded,word", [
    ({"T.a": "passed"}, {"T.a": "failed"}, "bare passed, grader failed"),
    ({"T.a": "error"}, {"T.a": "passed"}, "bare error, grader passed"),
    ({"T.a": "skipped"}, {"T.a": "passed"}, "bare skipped, grader passed"),
    ({"T.a": "failed"}, {"T.a": "error"}, "(kind)"),
    ({"T.a": "passed"}, {}, "missing from the verdict"),
    ({"T.a": "passed"}, {"T.a": "passed", "T.b": "passed"}, "not in the bare run"),
    ({}, {}, "the bare run reported no test"),
])
def test_each_kind_of_difference_is_reported(bare, graded, word):
    problems = differences(run(bare, graded))
    assert any(word in p for p in problems), problems


def test_pytest_style_compares_pass_fail_only():
    assert differences(run({"test_a": "failed"}, {"test_a": "error"}, source=PYTEST)) == []


def test_status_other_than_ok_is_a_difference_unless_known():
    bad = run({"T.a": "passed"}, {"T.a": "passed"}, status="memory")
    assert any("memory" in p for p in differences(bad))
    assert differences(bad, skip={STATUS}) == []
    assert one_test_difference(bad, STATUS) != []


def test_known_entries_are_skipped_and_checked_one_by_one():
    mixed = run({"T.a": "passed", "T.b": "passed"}, {"T.a": "failed", "T.b": "passed"})
    assert differences(mixed, skip={"T.a"}) == []
    assert one_test_difference(mixed, "T.a") != []
    assert one_test_difference(mixed, "T.b") == []
    with pytest.raises(LookupError):
        one_test_difference(mixed, "T.typo")
