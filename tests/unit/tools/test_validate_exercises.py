"""`jobintech validate` grading the fixture courses' exercises for real (sandboxed grader)."""
import os

import pytest

from xblocks.tools.validate import validate_course

pytestmark = pytest.mark.sandbox


def grade(course, mutate=False):
    return validate_course(course, jobs=2, mutate=mutate)


def exercise_errors(report):
    return [f for f in report.errors if f.check == "exercise"]


def test_good_course_passes_every_check_and_kills_every_mutant(make_course, require_runners):
    require_runners("python", "javascript", "sql")
    report = grade(make_course(), mutate=True)
    assert report.findings == [], [f.text() for f in report.findings]
    scores = {m.url_name: (m.killed, m.total) for m in report.mutation}
    assert set(scores) == {"py_compter_positifs", "js_mots_longs", "sql_clients_rabat"}
    for url_name, (killed, total) in scores.items():
        assert total > 0 and killed == total, (url_name, killed, total)


def test_failing_solution_names_the_test(make_course, require_runners):
    require_runners("python")
    errors = exercise_errors(grade(make_course("solution_fails")))
    assert len(errors) == 1, [e.text() for e in errors]
    assert errors[0].url_name == "py_compter_positifs"
    assert "the reference solution fails the test" in errors[0].message
    assert "test_zero_ne_compte_pas" in errors[0].message
    assert errors[0].line == 9  # the <solution> element
    assert errors[0].file.endswith(os.path.join("coding_exercise", "py_compter_positifs.xml"))


def test_starter_that_passes_is_an_error(make_course, require_runners):
    require_runners("python")
    errors = exercise_errors(grade(make_course("starter_passes")))
    assert [e.url_name for e in errors] == ["py_compter_positifs"]
    assert "starter code already passes every test" in errors[0].message


def test_test_passing_on_an_empty_submission_is_an_error(make_course, require_runners):
    require_runners("python")
    errors = exercise_errors(grade(make_course("empty_passes")))
    assert len(errors) == 1, [e.text() for e in errors]
    assert "an empty submission passes 1 of" in errors[0].message
    assert "test_toujours_vrai" in errors[0].message


def test_flaky_tests_are_detected(make_course, require_runners):
    require_runners("python")
    errors = exercise_errors(grade(make_course("flaky_tests")))
    # 20 coin flips per run: the two runs of the solution agree on all of them once in a million.
    assert any(e.message.startswith("flaky test ") and "test_pile_ou_face_" in e.message for e in errors), \
        [e.text() for e in errors]


def test_weak_tests_let_mutants_survive(make_course, require_runners):
    require_runners("python", "javascript", "sql")
    report = grade(make_course("weak_tests"), mutate=True)
    assert report.errors == []
    survivors = [f for f in report.warnings if f.check == "mutation"]
    messages = {f.message for f in survivors}
    # compter_positifs([4, -2, 5]) == 2 never tries 0 nor an empty list.
    assert "your tests still pass if positifs.py line 4 uses >= instead of >" in messages, messages
    warning = next(f for f in survivors if "uses >= instead of >" in f.message)
    assert warning.url_name == "py_compter_positifs"
    assert warning.line == 13  # the solution <file> is on line 10, the `if` is its 4th line
    result = next(m for m in report.mutation if m.url_name == "py_compter_positifs")
    assert 0 < result.killed < result.total
    assert len(result.survivors) == result.total - result.killed


def test_sql_order_not_checked_lets_the_sort_mutant_survive(make_course, require_runners):
    require_runners("sql")
    course = make_course()
    path = os.path.join(course, "coding_exercise", "sql_clients_rabat.xml")
    text = open(path, encoding="utf-8").read().replace('"order_matters": true', '"order_matters": false')
    open(path, "w", encoding="utf-8").write(text)
    report = validate_course(course, jobs=2, mutate=True)
    sql = [f.message for f in report.warnings if f.url_name == "sql_clients_rabat"]
    assert sql == ["your tests still pass if requete.sql line 1 uses DESC instead of ASC"]


def test_exercise_without_solution_is_an_error(make_course):
    course = make_course()
    path = os.path.join(course, "coding_exercise", "sql_clients_rabat.xml")
    text = open(path, encoding="utf-8").read()
    start, end = text.index("  <solution>"), text.index("</solution>") + len("</solution>\n")
    open(path, "w", encoding="utf-8").write(text[:start] + text[end:])
    report = validate_course(course, jobs=1, mutate=False, grade=True)
    errors = [e for e in report.errors if e.url_name == "sql_clients_rabat"]
    assert len(errors) == 1 and "no <solution>" in errors[0].message
