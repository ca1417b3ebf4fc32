"""The learner's handlers: run, submit, attempts, hints, reset, autosave, grades published.

Grading tests use the real grader (grader.api.grade, the bubblewrap sandbox): nothing stands in
for it. Only the fail-closed test replaces grade() by a crashing function, to check that the block
turns a grader failure into a clear message without using an attempt.
"""
import importlib.util
import json

import pytest
from django.utils import translation

from xblocks.coding_exercise import block as block_module

from coding_exercise_support import call, load_block, render, scenario_xml

SOLUTION = "def somme(nombres):\n    total = 0\n    for n in nombres:\n        total += n\n    return total\n"
WRONG = "def somme(nombres):\n    return len(nombres)\n"  # passes nothing but somme([]) == 0
HIDDEN_SOURCE = "somme(list(range(1001)))"

needs_grader = pytest.mark.skipif(importlib.util.find_spec("grader.runners.python") is None,
                                  reason="the Python runner (grader/runners/python.py) is not there yet")


@pytest.fixture
def block():
    return load_block(scenario_xml("py_somme"))


def published(block, kind):
    return block.runtime.events_of(kind)


# ---------------------------------------------------------------- no grading needed
def test_submit_refuses_when_attempts_are_exhausted(block):
    block.attempts = 3
    status, body = call(block, "submit", {"files": {"somme.py": SOLUTION}})
    assert status == 403
    assert body["error"] == "You have used all 3 attempts for this exercise."
    assert block.attempts == 3 and not published(block, "grade")
    status, body = call(block, "submit", {"files": {"somme.py": SOLUTION}}, language="fr")
    assert body["error"] == "Vous avez utilisé les 3 tentatives de cet exercice."


@pytest.mark.parametrize("payload, text", [
    ({}, "must send your files"),
    ({"files": ["somme.py"]}, "must send your files"),
    ({"files": {"somme.py": 42}}, "must send your files"),
    ({"files": {"somme.py": SOLUTION, "test_somme.py": "def test_x(): pass"}},
     "The file test_somme.py is not part of this exercise: submit only somme.py."),
    ({"files": {"../somme.py": SOLUTION}}, "is not part of this exercise"),
    ({"files": {"somme.py": "x" * (600 * 1024)}}, "Your submission was refused"),
])
@pytest.mark.parametrize("handler", ["run", "submit"])
def test_bad_submissions_get_a_clear_400(block, handler, payload, text):
    status, body = call(block, handler, payload)
    assert status == 400, body
    assert text in body["error"]
    assert block.attempts == 0 and not block.runtime.events


def test_a_multi_file_submission_must_hold_every_file():
    block = load_block(scenario_xml("py_bibliotheque"))
    status, body = call(block, "submit", {"files": {"livre.py": "x = 1\n"}})
    assert status == 400
    assert body["error"] == "The file bibliotheque.py is missing from your submission."


def test_hints_are_revealed_one_by_one(block):
    status, body = call(block, "get_hint")
    assert status == 200 and len(body["hints"]) == 1 and body["hints_total"] == 2
    assert "<code>total = 0</code>" in body["hints"][0]
    _, body = call(block, "get_hint")
    assert len(body["hints"]) == 2 and body["message"] == ""
    _, body = call(block, "get_hint", language="fr")
    assert len(body["hints"]) == 2 and body["message"] == "Il n'y a plus d'indice."
    assert block.hints_revealed == 2


def test_save_code_and_reset(block):
    status, body = call(block, "save_code", {"files": {"somme.py": "# mon brouillon\n"}})
    assert status == 200 and body["saved"] == ["somme.py"]
    assert block.code == {"somme.py": "# mon brouillon\n"}
    status, body = call(block, "reset")
    assert status == 200
    assert body["files"] == [{"name": "somme.py", "content": block.starter_files[0]["content"]}]
    assert block.code == {}


def test_a_crashing_grader_fails_closed_without_using_an_attempt(block, monkeypatch):
    def broken_grade(exercise, files):
        raise RuntimeError("worker pool is gone")

    monkeypatch.setattr(block_module.grader_api, "grade", broken_grade)
    status, body = call(block, "submit", {"files": {"somme.py": SOLUTION}})
    assert status == 200
    assert body["verdict"]["status"] == "error"
    assert body["attempt_counted"] is False
    assert "no attempt was used" in body["verdict"]["status_message"]
    assert "worker pool" not in json.dumps(body)
    assert block.attempts == 0 and not block.runtime.events


# ---------------------------------------------------------------- real grading
@needs_grader
def test_run_checks_visible_tests_only_and_is_free(block):
    status, body = call(block, "run", {"files": {"somme.py": SOLUTION}})
    assert status == 200, body
    verdict = body["verdict"]
    assert verdict["status"] == "ok"
    assert verdict["total"] == 2 and verdict["passed"] == 2  # the two visible tests, no hidden one
    assert not any(t["hidden"] for t in verdict["tests"])
    assert verdict["status_message"] == "All tests passed. Well done!"
    assert block.attempts == 0 and not block.runtime.events
    assert block.code == {"somme.py": SOLUTION}  # what was run is kept for the next visit


@needs_grader
def test_run_reports_failures_with_their_message(block):
    _, body = call(block, "run", {"files": {"somme.py": WRONG}}, language="fr")
    verdict = body["verdict"]
    assert verdict["passed"] == 1 and verdict["total"] == 2
    assert verdict["status_message"] == "1 test(s) réussi(s) sur 2."
    failed = [t for t in verdict["tests"] if t["outcome"] != "passed"]
    assert failed and "3" in failed[0]["message"]  # len([1, 2, 3]) == 3 != 6


@needs_grader
def test_submit_grades_publishes_and_completes(block):
    status, body = call(block, "submit", {"files": {"somme.py": SOLUTION}})
    assert status == 200, body
    assert body["verdict"]["total"] == 4 and body["verdict"]["passed"] == 4
    assert body["attempt_counted"] is True and body["attempts_left"] == 2
    assert body["score_text"] == "Score: 1 / 1"
    assert published(block, "grade") == [{"value": 1.0, "max_value": 1.0, "only_if_higher": None}]
    assert published(block, "completion") == [{"completion": 1.0}]
    assert block.get_score() == (1.0, 1.0) and block.has_submitted_answer()


@needs_grader
def test_hidden_tests_are_redacted(block):
    # Fails a hidden test with an assertion that quotes the hidden test's source line.
    code = "def somme(nombres):\n    return sum(nombres) if len(nombres) < 100 else -1\n"
    _, body = call(block, "submit", {"files": {"somme.py": code}})
    hidden = [t for t in body["verdict"]["tests"] if t["hidden"]]
    assert [t["name"] for t in hidden] == ["Hidden test 1", "Hidden test 2"]
    assert all(t["message"] == "" for t in hidden)
    assert sorted(t["outcome"] for t in hidden) == ["failed", "passed"]
    text = json.dumps(body)
    assert HIDDEN_SOURCE not in text and "test_grande_liste" not in text and "test_somme_cache" not in text
    # Stored redacted and in English; shown again in the language of the next visit.
    assert [t["name"] for t in block.last_verdict["tests"] if t["hidden"]] == ["Hidden test 1", "Hidden test 2"]
    assert HIDDEN_SOURCE not in json.dumps(block.last_verdict)
    page = render(block, language="ar")
    assert "اختبار مخفي 1" in page and HIDDEN_SOURCE not in page


@needs_grader
def test_best_score_is_kept_and_attempts_run_out(block):
    call(block, "submit", {"files": {"somme.py": SOLUTION}})
    _, body = call(block, "submit", {"files": {"somme.py": WRONG}})
    assert body["verdict"]["passed"] < 4
    assert [g["value"] for g in published(block, "grade")] == [1.0, 1.0]
    assert len(published(block, "completion")) == 1  # completion only on the first submission
    _, body = call(block, "submit", {"files": {"somme.py": WRONG}})
    assert body["attempts_left"] == 0
    status, body = call(block, "submit", {"files": {"somme.py": SOLUTION}})
    assert status == 403


@needs_grader
def test_partial_score_and_rescore(block):
    _, body = call(block, "submit", {"files": {"somme.py": WRONG}})
    assert published(block, "grade")[-1]["value"] == pytest.approx(body["verdict"]["score"])
    assert 0 < body["verdict"]["score"] < 1
    # The author relaxes the tests: rescoring regrades the stored submission.
    block.test_files = [block.test_files[0]]
    assert block.calculate_score().raw_earned == pytest.approx(0.5)


@needs_grader
def test_an_endless_loop_times_out_with_a_clear_message(block):
    code = "def somme(nombres):\n    while True:\n        pass\n"
    _, body = call(block, "run", {"files": {"somme.py": code}}, language="fr")
    assert body["verdict"]["status"] == "timeout"
    assert "limite : 2 s" in body["verdict"]["status_message"]


@needs_grader
def test_a_multi_file_project_is_graded():
    block = load_block(scenario_xml("py_bibliotheque"))
    files = {f["name"]: f["content"] for f in block.solution_files}
    status, body = call(block, "submit", {"files": files})
    assert status == 200, body
    assert body["verdict"]["passed"] == body["verdict"]["total"] == 4
    assert published(block, "grade")[-1]["value"] == 1.0
    assert body["score_text"] == "Score: 2 / 2"  # weight 2


# ---------------------------------------------------------------- SQL (real grader)
SQL_OK = "SELECT nom FROM client WHERE ville = 'Rabat' ORDER BY nom;"


def test_sql_exercise_is_graded_with_hidden_cases_redacted():
    block = load_block(scenario_xml("sql_clients"))
    status, body = call(block, "run", {"files": {"requete.sql": SQL_OK}})
    assert status == 200, body
    assert (body["verdict"]["passed"], body["verdict"]["total"]) == (1, 1)
    assert body["verdict"]["tests"][0]["name"] == "Deux clients à Rabat"

    _, body = call(block, "submit", {"files": {"requete.sql": "SELECT nom FROM client ORDER BY nom;"}})
    verdict = body["verdict"]
    assert [t["name"] for t in verdict["tests"]] == ["Deux clients à Rabat", "Hidden test 1", "Hidden test 2"]
    assert verdict["tests"][0]["outcome"] == "failed" and "Expected" in verdict["tests"][0]["message"]
    assert "Rabat-Salé" not in json.dumps(body, ensure_ascii=False)  # hidden setup never leaks
    assert published(block, "grade") == [{"value": 0.0, "max_value": 1.0, "only_if_higher": None}]


def test_sql_feedback_is_in_the_learners_language():
    block = load_block(scenario_xml("sql_clients"))
    _, body = call(block, "run", {"files": {"requete.sql": "SELECT nom FROM client;"}}, language="fr")
    message = body["verdict"]["tests"][0]["message"]
    assert message.startswith("3 lignes attendues, 2 obtenue(s).") or "diffère" in message, message
    assert "Attendu" in message and "Expected" not in message


def test_a_broken_sql_test_file_is_the_authors_problem_not_the_learners():
    xml = scenario_xml("sql_clients").replace('"order_matters": true,\n  "cases": [\n    {"name": "Aucun',
                                              '"order_matters": "yes",\n  "cases": [\n    {"name": "Aucun')
    block = load_block(xml)
    status, body = call(block, "submit", {"files": {"requete.sql": SQL_OK}})
    assert status == 200
    assert body["verdict"]["status"] == "error" and body["attempt_counted"] is False
    assert body["verdict"]["message"] == ""  # details go to the log and to Studio, not to learners
    assert block.attempts == 0 and not block.runtime.events
    with translation.override("en"):
        problems = [m.text for m in block.validate().messages]
    assert any("cas_limites.json is not valid" in p and "order_matters" in p for p in problems)
