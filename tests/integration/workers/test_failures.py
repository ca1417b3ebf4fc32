"""When the grading service fails, the learner gets an error verdict, quickly, never a hang or a
traceback; a worker refuses anything but JSON; a dead worker leaves no sandbox behind."""
from __future__ import annotations

import os
import shutil
import threading
import time

import pytest
from celery.signals import after_task_publish

from grader import api
from grader.exercise import Exercise, Limits, SourceFile
from grader.workers import client
from grader.workers.app import GRADE_TASK, make_app
from grader.workers.settings import Settings
from tests.integration.workers.conftest import BROKER, RESULTS, closed_port, descendants_of, new_queue_name

pytestmark = [pytest.mark.services, pytest.mark.sandbox,
              pytest.mark.skipif(shutil.which("bwrap") is None, reason="needs bubblewrap")]

SLEEPY = Exercise("python", (SourceFile("test_lent.py", "import lent\n\ndef test_lent():\n"
                                         "    assert lent.FINI\n"),),
                  limits=Limits(cpu_seconds=2, wall_seconds=6))
SLEEPY_FILES = {"lent.py": "import time\ntime.sleep(60)\nFINI = True\n"}


def _timed(fn, *args):
    start = time.monotonic()
    result = fn(*args)
    return result, time.monotonic() - start


def test_broker_unreachable_gives_a_quick_clear_error(use_workers):
    broker = f"amqp://guest:secret@127.0.0.1:{closed_port()}//"
    use_workers("jobintech.test.nobody", JOBINTECH_GRADER_BROKER=broker)
    verdict, seconds = _timed(api.run_snippet, "python", "print(1)")
    assert verdict.status == "error"
    assert verdict.message.startswith("the grading service is unreachable")
    assert "secret" not in verdict.message  # credentials stay out of logs
    assert seconds < 5


def test_redis_broker_unreachable_gives_a_quick_clear_error(use_workers):
    url = f"redis://127.0.0.1:{closed_port()}/0"
    use_workers("jobintech.test.nobody", JOBINTECH_GRADER_BROKER=url, JOBINTECH_GRADER_RESULTS=url)
    verdict, seconds = _timed(api.grade, SLEEPY, {"lent.py": "FINI = True\n"})
    assert (verdict.status, seconds < 5) == ("error", True)
    assert "unreachable" in verdict.message and "Connection refused" in verdict.message


def test_result_store_unreachable_gives_a_quick_clear_error(use_workers):
    use_workers("jobintech.test.nobody", JOBINTECH_GRADER_RESULTS=f"redis://127.0.0.1:{closed_port()}/0")
    verdict, seconds = _timed(api.run_snippet, "python", "print(1)")
    assert (verdict.status, seconds < 5) == ("error", True)
    assert "unreachable" in verdict.message


def test_the_client_recovers_once_the_services_are_back(use_workers, shared_worker):
    use_workers(shared_worker.queue, JOBINTECH_GRADER_RESULTS=f"redis://127.0.0.1:{closed_port()}/0")
    assert api.run_snippet("python", "print(1)").status == "error"
    use_workers(shared_worker.queue)
    verdict = api.run_snippet("python", "print(2)")
    assert (verdict.status, verdict.output) == ("ok", "2\n")


def test_no_worker_running_times_out_as_overloaded(use_workers, scratch_queue):
    use_workers(scratch_queue, JOBINTECH_GRADER_TIMEOUT="1")
    limits = Limits(cpu_seconds=1, wall_seconds=1)
    verdict, seconds = _timed(api.run_snippet, "python", "print(1)", limits)
    assert verdict.status == "error"
    assert "did not answer within 2 seconds" in verdict.message and "overloaded" in verdict.message
    assert 1.5 < seconds < 6


def test_a_job_whose_caller_gave_up_is_not_graded_later(start_worker, use_workers):
    queue = new_queue_name()
    use_workers(queue, JOBINTECH_GRADER_TIMEOUT="0.5")
    sent = []

    def remember(sender=None, headers=None, **kwargs):
        sent.append(headers["id"])

    after_task_publish.connect(remember, weak=False)
    try:
        # No worker yet: the caller gives up after 1 s, and so must the service.
        verdict = api.run_snippet("python", "print('trop tard')", Limits(cpu_seconds=0.5, wall_seconds=0.5))
    finally:
        after_task_publish.disconnect(remember)
    assert verdict.status == "error" and len(sent) == 1
    start_worker(concurrency=1, queue=queue)
    use_workers(queue)
    later = api.run_snippet("python", "print('à temps')")  # one process, in order: after the first
    assert (later.status, later.output) == ("ok", "à temps\n")
    state = client.client_app(Settings.from_env()).AsyncResult(sent[0]).state
    assert state in ("PENDING", "REVOKED")  # dropped by the broker (AMQP TTL) or by the worker


def test_worker_killed_mid_job_ends_in_an_error_not_a_hang(start_worker, use_workers):
    worker = start_worker(concurrency=1)
    use_workers(worker.queue, JOBINTECH_GRADER_TIMEOUT="4")
    outcome = {}
    caller = threading.Thread(target=lambda: outcome.update(v=_timed(api.grade, SLEEPY, SLEEPY_FILES)))
    caller.start()
    worker.wait_for(" received", 30)
    sandboxes = _wait_for_sandboxes(worker)
    worker.kill()
    caller.join(60)
    assert not caller.is_alive(), "the caller hangs on a dead worker"
    verdict, seconds = outcome["v"]
    assert verdict.status == "error" and "did not answer" in verdict.message
    assert seconds < SLEEPY.limits.wall_seconds + 4 + 5
    _assert_gone(sandboxes)


def test_worker_process_killed_mid_job_fails_the_job_at_once(start_worker, use_workers):
    worker = start_worker(concurrency=1)
    use_workers(worker.queue, JOBINTECH_GRADER_TIMEOUT="30")
    outcome = {}
    caller = threading.Thread(target=lambda: outcome.update(v=_timed(api.grade, SLEEPY, SLEEPY_FILES)))
    caller.start()
    worker.wait_for(" received", 30)
    sandboxes = _wait_for_sandboxes(worker)
    (pool_process,) = worker.children()
    os.kill(pool_process, 9)  # as the kernel's OOM killer would
    caller.join(60)
    verdict, seconds = outcome["v"]
    assert verdict.status == "error" and "a grader worker failed" in verdict.message
    assert "WorkerLostError" in verdict.message
    assert seconds < 15  # not the 36 s the caller was ready to wait
    _assert_gone(sandboxes)
    # The worker replaces its lost process and grades the next job.
    verdict = api.run_snippet("python", "print('encore')")
    assert (verdict.status, verdict.output) == ("ok", "encore\n")


def test_a_worker_never_unpickles_a_message(start_worker, tmp_path):
    worker = start_worker(concurrency=1)
    marker = tmp_path / "unpickled"

    class Exploit:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    settings = Settings(broker=BROKER, results=RESULTS, queue=worker.queue)
    app = make_app(settings, caller=True)
    app.conf.accept_content = ["json", "pickle"]  # this sender is the attacker's, not ours
    try:
        result = app.send_task(GRADE_TASK, args=[Exploit()], queue=worker.queue, serializer="pickle",
                               retry=False)
        worker.wait_for("Refusing to deserialize untrusted content of type pickle", 20)
        time.sleep(1)
        assert not marker.exists()
        assert result.state == "PENDING"  # never run, so no verdict either
    finally:
        app.close()
    verdict = _grade_through(worker, "print('toujours là')")
    assert verdict.output == "toujours là\n"


def test_a_malformed_job_gets_an_error_verdict_naming_the_field(shared_worker):
    app = client.client_app(Settings(broker=BROKER, results=RESULTS, queue=shared_worker.queue))
    job = {"language": "python", "tests": [{"name": "../t.py", "content": "", "hidden": False}],
           "limits": {"wall_seconds": 5}, "files": {}}
    data = app.send_task(GRADE_TASK, args=[job], queue=shared_worker.queue).get(timeout=30)
    assert data["status"] == "error"
    assert data["message"].startswith("the grading job was malformed: job.tests[0]:")
    job = dict(job, tests=[{"name": "t.py", "content": "", "hidden": False}],
               limits={"wall_seconds": 5, "disk_gb": 9})
    data = app.send_task(GRADE_TASK, args=[job], queue=shared_worker.queue).get(timeout=30)
    assert "unknown fields ['disk_gb']" in data["message"]


def _grade_through(worker, code):
    os.environ.update(JOBINTECH_GRADER_BACKEND="celery", JOBINTECH_GRADER_BROKER=BROKER,
                      JOBINTECH_GRADER_RESULTS=RESULTS, JOBINTECH_GRADER_QUEUE=worker.queue)
    try:
        return api.run_snippet("python", code)
    finally:
        for name in ("BACKEND", "BROKER", "RESULTS", "QUEUE"):
            os.environ.pop(f"JOBINTECH_GRADER_{name}", None)


def _wait_for_sandboxes(worker, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = [pid for pid in descendants_of(worker.process.pid) if _is_bwrap(pid)]
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError("the worker started no sandbox for the job")


def _is_bwrap(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip() == "bwrap"
    except OSError:
        return False


def _assert_gone(pids, seconds=10):
    deadline = time.monotonic() + seconds
    while any(os.path.exists(f"/proc/{pid}") and _is_bwrap(pid) for pid in pids):
        assert time.monotonic() < deadline, f"sandboxes {pids} outlived their worker"
        time.sleep(0.1)
