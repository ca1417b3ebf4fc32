"""Grading through real workers gives the verdicts local grading gives (Python, JS, SQL)."""
from __future__ import annotations

import concurrent.futures
import os
import shutil
import subprocess
import sys

import pytest

from grader import api
from grader.exercise import Exercise, Limits, SourceFile
from grader.olx import parse_file

pytestmark = [pytest.mark.services, pytest.mark.sandbox,
              pytest.mark.skipif(shutil.which("bwrap") is None, reason="needs bubblewrap")]

COURSE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "course_content", "coding_exercise")
EXERCISES = ["py_mention.xml", "py_projet_cooperative.xml", "js_prix_ttc.xml", "js_panier_esm.xml",
             "sql_salaires_tries.xml", "sql_total_par_client.xml"]


def _load(name):
    d = parse_file(os.path.join(COURSE, name))
    return (d.to_exercise(), {f["name"]: f["content"] for f in d.solution},
            {f["name"]: f["content"] for f in d.starter})


def _both_ways(exercise, files, use_workers, grade_locally, queue):
    grade_locally()
    local = api.grade(exercise, files)
    use_workers(queue)
    remote = api.grade(exercise, files)
    return local, remote


@pytest.mark.parametrize("name", EXERCISES)
def test_solution_and_starter_get_the_local_verdict(name, shared_worker, use_workers, grade_locally):
    exercise, solution, starter = _load(name)
    local, remote = _both_ways(exercise, solution, use_workers, grade_locally, shared_worker.queue)
    assert remote.status == "ok" and remote.score == 1.0
    assert remote.to_dict() == local.to_dict()
    local, remote = _both_ways(exercise, starter, use_workers, grade_locally, shared_worker.queue)
    assert remote.score < 1.0
    assert remote.to_dict() == local.to_dict()


def test_hidden_tests_come_back_unredacted(shared_worker, use_workers):
    # The caller (the block) redacts; a worker must send the real names and messages back.
    exercise, _, starter = _load("py_mention.xml")
    use_workers(shared_worker.queue)
    verdict = api.grade(exercise, starter)
    hidden = [t for t in verdict.tests if t.hidden]
    assert hidden and all(t.name.startswith("TestMentionBornes.") for t in hidden)
    assert any(t.message for t in hidden if not t.passed)


@pytest.mark.parametrize("language,code", [
    ("python", "while True:\n    pass\n"),
    ("javascript", "for (;;) {}\n"),
])
def test_limits_travel_with_the_job(language, code, shared_worker, use_workers, grade_locally):
    limits = Limits(cpu_seconds=1, wall_seconds=1.5)  # not the defaults (2 s and 5 s)
    grade_locally()
    local = api.run_snippet(language, code, limits)
    use_workers(shared_worker.queue)
    remote = api.run_snippet(language, code, limits)
    assert remote.status == local.status == "timeout"
    # Which of the CPU or the wall limit fires first is a race, both here and locally.
    assert remote.message in {f"Time limit exceeded: your code ran for more than {s} seconds."
                              for s in (1, 1.5)}


@pytest.mark.parametrize("language,code,printed", [
    ("python", "print('Salam, Casablanca', 6 * 7)\n", "Salam, Casablanca 42\n"),
    ("javascript", "console.log('مرحبا', 6 * 7);\n", "مرحبا 42\n"),
])
def test_snippets_run_on_the_workers(language, code, printed, shared_worker, use_workers):
    use_workers(shared_worker.queue)
    verdict = api.run_snippet(language, code)
    assert (verdict.status, verdict.output) == ("ok", printed)


def test_many_callers_at_once_each_get_their_own_verdict(shared_worker, use_workers):
    # A threaded web server grades for many learners at once through one client app.
    exercise, solution, starter = _load("py_mention.xml")
    use_workers(shared_worker.queue)
    submissions = [solution if i % 2 else starter for i in range(16)]
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        verdicts = list(pool.map(lambda files: api.grade(exercise, files), submissions))
    scores = [v.score for v in verdicts]
    assert scores[1::2] == [1.0] * 8
    assert all(s < 1.0 for s in scores[0::2])


def test_a_worker_configured_like_the_lms_grades_itself(shared_worker, use_workers):
    # The worker runs with JOBINTECH_GRADER_BACKEND=celery (see conftest): it must grade the job
    # in place, not send it back to the queue (which would never end).
    use_workers(shared_worker.queue, JOBINTECH_GRADER_TIMEOUT="10")
    exercise = Exercise("python", (SourceFile("test_un.py", "import un\n\ndef test_un():\n"
                                               "    assert un.UN == 1\n"),))
    verdict = api.grade(exercise, {"un.py": "UN = 1\n"})
    assert (verdict.status, verdict.passed, verdict.total) == ("ok", 1, 1), verdict.message


def test_bad_submissions_are_refused_before_sending(shared_worker, use_workers):
    from grader.exercise import ExerciseError
    use_workers(shared_worker.queue)
    received = shared_worker.log().count(" received")
    exercise, _, _ = _load("py_mention.xml")
    with pytest.raises(ExerciseError, match="not allowed"):
        api.grade(exercise, {"../evil.py": "x = 1"})
    with pytest.raises(ExerciseError, match="unknown language"):
        api.run_snippet("cobol", "DISPLAY 'X'.")
    api.run_snippet("python", "print(1)")  # a job sent after them: the worker's log is current
    assert shared_worker.log().count(" received") == received + 1


def test_the_check_command_grades_through_the_workers(shared_worker):
    from tests.integration.workers.conftest import closed_port, worker_env
    env = worker_env(shared_worker.queue)
    run = subprocess.run([sys.executable, "-m", "grader.workers", "check"], env=env, capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"ok: a worker on queue {shared_worker.queue!r} graded a test job")
    env["JOBINTECH_GRADER_BROKER"] = f"amqp://guest:guest@127.0.0.1:{closed_port()}//"
    run = subprocess.run([sys.executable, "-m", "grader.workers", "check"], env=env, capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 1
    assert "error: the test job ended in 'error'" in run.stderr and "unreachable" in run.stderr
