"""The SQL runner, end to end in the real sandbox: comparison rules, refused statements, runaway
queries, and authors' mistakes reported with their file and field."""
import glob
import json
import os
import shutil

import pytest

from grader.exercise import Exercise, ExerciseError, Limits, SourceFile
from grader.olx import parse_file
from grader.runners.sql import RUNNER, parse_test_file

pytestmark = [pytest.mark.sandbox,
              pytest.mark.skipif(shutil.which("bwrap") is None, reason="needs bubblewrap")]

SETUP = ("CREATE TABLE client(id INTEGER, nom TEXT, ville TEXT, telephone TEXT);"
         "INSERT INTO client VALUES (1, 'Amina', 'Rabat', '0612'), (2, 'Omar', 'Fès', NULL),"
         "(3, 'Sara', 'Rabat', NULL);")


def case(name, rows, columns=("nom",), **flags):
    return {"name": name, "setup": SETUP, "expected": {"columns": list(columns), "rows": rows}, **flags}


def exercise(cases, limits=Limits(cpu_seconds=2, wall_seconds=5), **flags):
    content = json.dumps({"cases": cases, **flags})
    return Exercise("sql", (SourceFile("tests.json", content),), limits=limits)


def grade(query, cases, **flags):
    return RUNNER.grade(exercise(cases, **flags), {"requete.sql": query})


def outcomes(verdict):
    return [t.outcome for t in verdict.tests]


def test_right_query_passes_and_rows_match_in_any_order_by_default():
    verdict = grade("SELECT nom FROM client WHERE ville = 'Rabat';",
                    [case("Rabat", [["Sara"], ["Amina"]])])
    assert verdict.status == "ok" and outcomes(verdict) == ["passed"]


def test_order_matters_when_the_author_says_so():
    query = "SELECT nom FROM client WHERE ville = 'Rabat' ORDER BY nom DESC"
    verdict = grade(query, [case("ordre", [["Amina"], ["Sara"]])], order_matters=True)
    assert outcomes(verdict) == ["failed"]
    assert "Row 1 differs" in verdict.tests[0].message and "'Sara'" in verdict.tests[0].message
    assert outcomes(grade(query, [case("ordre", [["Sara"], ["Amina"]])], order_matters=True)) == ["passed"]


def test_column_names_are_checked_unless_turned_off():
    query = "SELECT nom AS prenom FROM client WHERE id = 1"
    verdict = grade(query, [case("colonnes", [["Amina"]])])
    assert outcomes(verdict) == ["failed"]
    assert verdict.tests[0].message == "Expected columns ['nom'], got ['prenom']."
    assert outcomes(grade(query, [case("colonnes", [["Amina"]])], check_column_names=False)) == ["passed"]


def test_nulls_compare_as_null_and_floats_with_a_tolerance():
    verdict = grade("SELECT nom, telephone, 1.0 / 3 AS tiers FROM client WHERE id = 2",
                    [case("null", [["Omar", None, 0.3333333333]], columns=("nom", "telephone", "tiers"))])
    assert outcomes(verdict) == ["passed"]
    verdict = grade("SELECT nom, '' AS telephone FROM client WHERE id = 2",
                    [case("null", [["Omar", None]], columns=("nom", "telephone"))])
    assert outcomes(verdict) == ["failed"] and "NULL" in verdict.tests[0].message


def test_missing_and_extra_rows_are_shown():
    verdict = grade("SELECT nom FROM client", [case("tous", [["Amina"], ["Omar"], ["Yasmine"]])])
    message = verdict.tests[0].message
    assert "Expected 3 rows, got 3" in message
    assert "Missing from your result:\n  ('Yasmine')" in message and "Not expected:\n  ('Sara')" in message


@pytest.mark.parametrize("query,words", [
    ("SELECT nom FROM client; DELETE FROM client", "more than one SQL statement"),
    ("SELECT 1; SELECT 2", "more than one SQL statement"),
    ("ATTACH DATABASE '/work/x.db' AS x", "other than read"),
    ("DELETE FROM client", "other than read"),
    ("PRAGMA query_only = OFF", "other than read"),
    ("SELECT load_extension('/usr/lib/x.so')", "other than read"),
    ("", "empty"),
    ("-- rien du tout", "no query"),
])
def test_anything_but_one_read_only_query_is_refused_with_a_clear_message(query, words):
    verdict = grade(query, [case("c", [["Amina"]])])
    assert verdict.status == "ok" and outcomes(verdict) == ["error"]
    assert words in verdict.tests[0].message


def test_runaway_recursive_query_is_stopped_and_the_other_cases_still_run():
    query = ("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
             "SELECT nom FROM client WHERE id = (SELECT count(*) FROM n)")
    verdict = grade(query, [case("infini", [["Amina"]]), case("encore", [["Amina"]])])
    assert verdict.status == "timeout"
    assert outcomes(verdict) == ["error", "error"]
    assert "stopped" in verdict.tests[0].message


def test_endless_rows_are_cut_at_the_row_cap():
    query = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x AS nom FROM n"
    verdict = grade(query, [case("lignes", [["Amina"]])])
    assert outcomes(verdict) == ["error"] and "more than 10000 rows" in verdict.tests[0].message


def test_each_case_gets_a_fresh_database_and_the_hidden_flag_of_its_file():
    visible = json.dumps({"cases": [case("un", [[3]], columns=("n",))]})
    hidden = json.dumps({"cases": [case("deux", [[3]], columns=("n",))]})
    ex = Exercise("sql", (SourceFile("a.json", visible), SourceFile("b.json", hidden, hidden=True)))
    verdict = RUNNER.grade(ex, {"requete.sql": "SELECT count(*) AS n FROM client"})
    assert [(t.name, t.outcome, t.hidden) for t in verdict.tests] == [
        ("un", "passed", False), ("deux", "passed", True)]


def test_author_mistakes_name_the_file_and_the_field():
    with pytest.raises(ExerciseError, match=r"tests.json: line 1, column \d+: invalid JSON"):
        parse_test_file("tests.json", '{"cases": [}')
    with pytest.raises(ExerciseError, match=r"tests.json: cases\[0\].expected.rows"):
        parse_test_file("tests.json", json.dumps({"cases": [{"name": "x", "expected": {"columns": ["a"], "rows": "a"}}]}))
    verdict = RUNNER.grade(exercise([{"name": "x", "setup": "CREATE TABLE", "expected": {"columns": ["a"], "rows": []}}]),
                           {"requete.sql": "SELECT 1 AS a"})
    assert verdict.status == "error" and "setup SQL of case 'x' in tests.json" in verdict.message


def test_a_submission_must_be_one_sql_file():
    with pytest.raises(ExerciseError, match="exactly one .sql file"):
        RUNNER.grade(exercise([case("c", [])]), {"a.sql": "SELECT 1", "b.sql": "SELECT 2"})


def test_snippet_may_build_its_own_tables_and_shows_the_last_result():
    verdict = RUNNER.run_snippet("CREATE TABLE t(x);\nINSERT INTO t VALUES (1), (2);\nSELECT x, x * 10 AS y FROM t;",
                                 Limits())
    assert verdict.status == "ok" and verdict.output == "x | y\n1 | 10\n2 | 20"
    assert "other than read" in RUNNER.run_snippet("ATTACH ':memory:' AS x;", Limits()).output


COURSE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "course_content", "coding_exercise")


@pytest.mark.parametrize("path", sorted(glob.glob(os.path.join(COURSE, "sql_*.xml"))), ids=os.path.basename)
def test_course_solutions_pass_and_starters_do_not(path):
    ex = parse_file(path).to_exercise()
    solved = RUNNER.grade(ex, {f.name: f.content for f in ex.solution})
    assert solved.status == "ok" and solved.score == 1.0, solved.tests
    started = RUNNER.grade(ex, {f.name: f.content for f in ex.starter})
    assert started.status == "ok" and started.score < 1.0
