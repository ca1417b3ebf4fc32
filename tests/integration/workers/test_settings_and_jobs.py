"""The grading service's settings and its JSON job format (no broker needed)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from grader import api, workers
from grader.exercise import Exercise, Limits, SourceFile
from grader.verdict import TestResult, Verdict
from grader.workers import jobs
from grader.workers.settings import Settings, SettingsError

EXERCISE = Exercise("python", (SourceFile("test_a.py", "import a\n"),
                               SourceFile("test_b.py", "x", hidden=True)),
                    limits=Limits(cpu_seconds=1.5, wall_seconds=4, memory_mb=128))
BROKER = "amqp://guest:guest@127.0.0.1:5672//"


def test_settings_defaults_and_redis_results_default_to_the_broker():
    s = Settings.from_env({"JOBINTECH_GRADER_BACKEND": "celery",
                           "JOBINTECH_GRADER_BROKER": "redis://r:6379/0"})
    assert (s.results, s.queue, s.timeout) == ("redis://r:6379/0", "jobintech.grading", 30.0)


@pytest.mark.parametrize("env,names", [
    ({"JOBINTECH_GRADER_BACKEND": "celeri"}, "JOBINTECH_GRADER_BACKEND='celeri' is not a backend"),
    ({}, "JOBINTECH_GRADER_BROKER is not set"),
    ({"JOBINTECH_GRADER_BROKER": "http://x"}, "JOBINTECH_GRADER_BROKER must start with"),
    ({"JOBINTECH_GRADER_BROKER": BROKER}, "JOBINTECH_GRADER_RESULTS is not set"),
    ({"JOBINTECH_GRADER_BROKER": BROKER, "JOBINTECH_GRADER_RESULTS": "db+sqlite://x"},
     "JOBINTECH_GRADER_RESULTS must start with"),
    ({"JOBINTECH_GRADER_BROKER": "redis://r", "JOBINTECH_GRADER_TIMEOUT": "soon"},
     "JOBINTECH_GRADER_TIMEOUT='soon' is not a number"),
    ({"JOBINTECH_GRADER_BROKER": "redis://r", "JOBINTECH_GRADER_TIMEOUT": "-3"}, "must be a positive"),
    ({"JOBINTECH_GRADER_BROKER": "redis://r", "JOBINTECH_GRADER_TIMEOUT": "inf"}, "must be a positive"),
    ({"JOBINTECH_GRADER_BROKER": "redis://r", "JOBINTECH_GRADER_QUEUE": "a b"}, "is not a queue name"),
])
def test_bad_settings_name_the_variable(env, names):
    with pytest.raises(SettingsError, match=names.replace("(", r"\(")):
        Settings.from_env({"JOBINTECH_GRADER_BACKEND": "celery", **env})


def test_a_misconfigured_service_gives_an_error_verdict_not_an_exception(monkeypatch):
    monkeypatch.setenv("JOBINTECH_GRADER_BACKEND", "celery")
    monkeypatch.delenv("JOBINTECH_GRADER_BROKER", raising=False)
    verdict = api.run_snippet("python", "print(1)")
    assert verdict.status == "error"
    assert verdict.message.startswith("the grading service is not configured: JOBINTECH_GRADER_BROKER")
    monkeypatch.setenv("JOBINTECH_GRADER_BACKEND", "celry")  # a typo never means "grade locally"
    assert "is not a backend" in api.run_snippet("python", "print(1)").message


def test_local_is_the_default(monkeypatch):
    monkeypatch.delenv("JOBINTECH_GRADER_BACKEND", raising=False)
    assert not workers.remote_backend_selected()
    monkeypatch.setenv("JOBINTECH_GRADER_BACKEND", "celery")
    assert workers.remote_backend_selected()
    with workers.grading_here():
        assert not workers.remote_backend_selected()
    assert workers.remote_backend_selected()


def test_a_grade_job_round_trips_through_json():
    files = {"a.py": "print('é ع')\n", "pkg/b.py": ""}
    job = json.loads(json.dumps(jobs.grade_job(EXERCISE, files)))
    exercise, back = jobs.exercise_from_job(job)
    assert (exercise.language, exercise.tests, exercise.limits, back) == \
        (EXERCISE.language, EXERCISE.tests, EXERCISE.limits, files)
    language, code, limits = jobs.snippet_from_job(json.loads(json.dumps(
        jobs.snippet_job("sql", "SELECT 1;", EXERCISE.limits))))
    assert (language, code, limits) == ("sql", "SELECT 1;", EXERCISE.limits)


@pytest.mark.parametrize("change,message", [
    ({"language": "cobol"}, "job.language 'cobol' is not one of"),
    ({"tests": "test_a.py"}, "job.tests must be list"),
    ({"tests": [{"name": "/etc/passwd", "content": "", "hidden": False}]}, "job.tests[0]: file name"),
    ({"tests": [{"name": "t.py", "content": "", "hidden": "no"}]}, "job.tests[0].hidden must be bool"),
    ({"tests": []}, "job: the exercise has no test file"),
    ({"files": {"a.py": 3}}, "job.files['a.py'] must be text"),
    ({"limits": {"wall_seconds": "5"}}, "job.limits.wall_seconds must be int/float"),
    ({"limits": {"wall_seconds": True}}, "job.limits.wall_seconds must be int/float"),
    ({"limits": {"wall_seconds": -1}}, "job.limits: limit wall_seconds must be a positive number"),
    ({"limits": {"__class__": 1}}, "job.limits has unknown fields ['__class__']"),
])
def test_a_malformed_job_is_refused_with_the_field(change, message):
    job = {**jobs.grade_job(EXERCISE, {"a.py": ""}), **change}
    with pytest.raises(jobs.JobError) as caught:
        jobs.exercise_from_job(job)
    assert str(caught.value).startswith(message)


def test_a_verdict_round_trips_unredacted():
    verdict = Verdict("ok", tests=[TestResult("t1", "passed"),
                                   TestResult("secret_case", "failed", "7 != 8", True)], output="ok\n")
    back = jobs.verdict_from_dict(json.loads(json.dumps(verdict.to_dict())))
    assert back == verdict and back.tests[1].name == "secret_case"


@pytest.mark.parametrize("change,message", [
    ({"status": "great"}, "verdict.status 'great'"),
    ({"tests": [{"name": "t", "outcome": "won", "message": "", "hidden": False}]},
     "verdict.tests[0].outcome"),
    ({"tests": [{"name": "t", "outcome": "passed", "message": ""}]}, "verdict.tests[0] has no 'hidden'"),
    ({"output": None}, "verdict.output must be str"),
])
def test_a_malformed_verdict_is_refused(change, message):
    data = {**Verdict("ok").to_dict(), **change}
    with pytest.raises(jobs.JobError, match=message.replace("[", r"\[").replace("(", r"\(")):
        jobs.verdict_from_dict(data)


def test_time_limits_grow_with_the_exercise():
    soft, hard = jobs.time_limits(Limits(cpu_seconds=2, wall_seconds=10))
    assert 10 < soft < hard


def test_the_worker_parent_does_not_load_the_sandbox_before_forking():
    # grader.sandbox picks its sandbox user ids from the pid of the process that imports it:
    # imported in the parent, every forked worker process would share one range of ids.
    code = ("import sys, grader.workers.worker, grader.workers.app, grader.workers.client\n"
            "print(sorted(m for m in sys.modules if m in ('grader.sandbox', 'grader.api')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_worker_command_explains_bad_settings():
    run = subprocess.run([sys.executable, "-m", "grader.workers", "worker"], capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "JOBINTECH_GRADER_BROKER": "ftp://x"}, timeout=60)
    assert run.returncode == 2
    assert run.stderr.strip().startswith("error: JOBINTECH_GRADER_BROKER must start with")
    assert "Traceback" not in run.stderr
