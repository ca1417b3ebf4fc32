import pytest

from grader.exercise import Exercise, ExerciseError, Limits, SourceFile, check_file_name
from grader.verdict import TestResult, Verdict


def test_unknown_language_is_refused_with_the_choices():
    with pytest.raises(ExerciseError, match="unknown language 'cobol'.*python, javascript, sql"):
        Exercise(language="cobol", tests=(SourceFile("t.py", ""),))


def test_an_exercise_needs_tests():
    with pytest.raises(ExerciseError, match="no test file"):
        Exercise(language="python", tests=())


@pytest.mark.parametrize("name", ["../etc/passwd", "/abs.py", ".hidden", "a/../b.py", "", "a b.py", "x" * 300])
def test_unsafe_file_names_are_refused(name):
    with pytest.raises(ExerciseError):
        check_file_name(name)


@pytest.mark.parametrize("name", ["somme.py", "pkg/models.py", "test_a-b.test.mjs"])
def test_plain_names_are_accepted(name):
    assert check_file_name(name) == name


def test_limits_are_checked():
    with pytest.raises(ExerciseError, match="memory_mb"):
        Limits(memory_mb=0).validate()
    with pytest.raises(ExerciseError, match="wall_seconds"):
        Limits(cpu_seconds=5, wall_seconds=1).validate()


def test_visible_only_keeps_visible_tests():
    ex = Exercise("python", (SourceFile("test_a.py", "a"), SourceFile("test_b.py", "b", hidden=True)))
    assert [t.name for t in ex.visible_only().tests] == ["test_a.py"]
    only_hidden = Exercise("python", (SourceFile("test_b.py", "b", hidden=True),))
    with pytest.raises(ExerciseError, match="no visible test"):
        only_hidden.visible_only()


def test_verdict_score_and_redaction():
    v = Verdict("ok", [TestResult("t1", "passed"), TestResult("t2", "failed", "expected 3, got 2"),
                       TestResult("secret_edge_case", "failed", "expected [], got None", hidden=True)])
    assert v.passed == 1 and v.total == 3
    assert v.score == pytest.approx(1 / 3)
    data = v.to_dict(redact_hidden=True)
    assert data["tests"][2] == {"name": "Hidden test 1", "outcome": "failed", "message": "", "hidden": True}
    assert "secret_edge_case" not in str(data)
    assert Verdict("timeout", v.tests).score == 0.0
