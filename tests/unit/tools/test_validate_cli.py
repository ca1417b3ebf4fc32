"""`jobintech validate` as a command: exit codes, text and JSON output, bad input."""
import json
import os

from jobintech.cli import main as jobintech


def test_good_course_exits_0_with_a_summary(make_course, capsys):
    course = make_course()
    assert jobintech(["validate", course, "--structure-only"]) == 0
    out = capsys.readouterr().out
    assert "0 error(s), 0 warning(s)" in out
    assert "3 coding exercises" in out


def test_errors_exit_1_and_read_like_compiler_messages(make_course, capsys):
    course = make_course("missing_pointer")
    assert jobintech(["validate", course, "--structure-only"]) == 1
    out = capsys.readouterr().out
    expected = os.path.join(course, "vertical", "v_web_sql.xml") + ":4 (lecon_absente): error: "
    assert any(line.endswith("which does not exist: create it or fix the url_name")
               and expected in line for line in out.splitlines()), out


def test_json_output(make_course, capsys):
    course = make_course("quiz_no_correct")
    assert jobintech(["validate", course, "--structure-only", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and data["errors"] == 1
    finding = data["findings"][0]
    assert finding["check"] == "quiz" and finding["url_name"] == "quiz_somme" and finding["line"] == 2
    assert set(finding) == {"level", "check", "message", "file", "line", "url_name"}


def test_json_reports_mutation_scores(make_course, capsys, require_runners):
    require_runners("sql")
    course = make_course()
    # Keep only the SQL exercise, so that this test needs only the SQL runner.
    path = os.path.join(course, "vertical", "v_somme.xml")
    open(path, "w").write('<vertical display_name="SQL"><coding_exercise url_name="sql_clients_rabat"/></vertical>')
    path = os.path.join(course, "vertical", "v_web_sql.xml")
    open(path, "w").write('<vertical display_name="Rien"><lesson url_name="intro_somme"/></vertical>')
    for name in ("py_compter_positifs", "js_mots_longs"):
        os.unlink(os.path.join(course, "coding_exercise", name + ".xml"))
    os.unlink(os.path.join(course, "quiz", "quiz_somme.xml"))
    assert jobintech(["validate", course, "--json", "--jobs", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mutation"] == [{"file": os.path.join(course, "coding_exercise", "sql_clients_rabat.xml"),
                                 "url_name": "sql_clients_rabat", "language": "sql", "killed": 3, "total": 3,
                                 "generated": 3, "survivors": [], "score": 1.0}]


def test_bad_input_exits_2_with_a_message(tmp_path, capsys):
    assert jobintech(["validate", str(tmp_path / "absent")]) == 2
    assert "is not a folder" in capsys.readouterr().err
    assert jobintech(["validate", str(tmp_path)]) == 2
    assert "has no course.xml" in capsys.readouterr().err
    assert jobintech(["validate"]) == 2
    assert jobintech(["validate", str(tmp_path), "--jobs", "0"]) == 2


def test_help_exits_0(capsys):
    assert jobintech(["validate", "--help"]) == 0
    assert "--no-mutation" in capsys.readouterr().out


def test_only_grades_the_named_exercise(make_course, capsys, require_runners):
    require_runners("sql")
    course = make_course()
    assert jobintech(["validate", course, "--json", "--only", "sql_clients_rabat"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["url_name"] for m in data["mutation"]] == ["sql_clients_rabat"]
    assert jobintech(["validate", course, "--only", "inconnu", "--no-mutation"]) == 1
    assert "--only inconnu: the course has no coding_exercise" in capsys.readouterr().out
