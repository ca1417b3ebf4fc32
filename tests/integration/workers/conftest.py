"""Real grader workers for the tests: `python -m grader.workers worker` subprocesses on the
RabbitMQ (127.0.0.1:5672, guest/guest) and Redis (127.0.0.1:6379) of this machine.

Every worker reads a queue named for this test run (and the test), so parallel runs on the same
broker do not take each other's jobs; the queues are deleted afterwards.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from kombu import Connection

ROOT = Path(__file__).resolve().parents[3]
BROKER = os.environ.get("JOBINTECH_TEST_GRADER_BROKER", "amqp://guest:guest@127.0.0.1:5672//")
RESULTS = os.environ.get("JOBINTECH_TEST_GRADER_RESULTS", "redis://127.0.0.1:6379/0")
RUN_ID = uuid.uuid4().hex[:10]
READY_SECONDS = 60


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def closed_port() -> int:
    """A local TCP port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def services():
    missing = [name for name, port in (("RabbitMQ", 5672), ("Redis", 6379))
               if not _reachable("127.0.0.1", port)]
    if missing:
        pytest.skip(f"{' and '.join(missing)} not running on 127.0.0.1 (needed by grader workers)")


def worker_env(queue: str, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOBINTECH_GRADER_")}
    env.pop("JOBINTECH_UNSAFE_NO_SANDBOX", None)
    env.update({"JOBINTECH_GRADER_BROKER": BROKER, "JOBINTECH_GRADER_RESULTS": RESULTS,
                "JOBINTECH_GRADER_QUEUE": queue, "PYTHONPATH": str(ROOT), **extra})
    return env


class Worker:
    """One `python -m grader.workers worker` process group, its log, and its queue."""

    def __init__(self, queue: str, log_path: Path, concurrency: int = 2):
        self.queue, self.log_path = queue, log_path
        self._log = open(log_path, "wb")
        # Its own session: stop() can then end the worker's whole process group at once.
        self.process = subprocess.Popen(
            [sys.executable, "-m", "grader.workers", "worker", "--concurrency", str(concurrency),
             "--hostname", f"test.{queue}@%h"],
            cwd=ROOT, env=worker_env(queue, JOBINTECH_GRADER_BACKEND="celery"),
            stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_for(self, text: str, seconds: float = READY_SECONDS) -> None:
        deadline = time.monotonic() + seconds
        while text not in self.log():
            if self.process.poll() is not None:
                raise AssertionError(f"the worker exited ({self.process.returncode}):\n{self.log()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} not in the worker's log after {seconds} s:\n{self.log()}")
            time.sleep(0.1)

    def children(self) -> list[int]:
        return children_of(self.process.pid)

    def kill(self) -> None:
        """SIGKILL the whole worker (main process and its pool), as a crash or an OOM kill would."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
        self._log.close()


def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def descendants_of(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        kids = children_of(todo.pop())
        found += kids
        todo += kids
    return found


def delete_queue(name: str, broker: str = BROKER) -> None:
    with Connection(broker, connect_timeout=5) as conn:
        channel = conn.channel()
        channel.queue_delete(name)
        channel.exchange_delete(name)


@pytest.fixture
def scratch_queue(services):
    """A queue no worker reads; deleted afterwards from RabbitMQ and from Redis (db 0)."""
    name = new_queue_name()
    yield name
    delete_queue(name)
    # On a Redis broker a queue is a list plus kombu's binding keys, all named after it.
    client = redis.Redis.from_url(RESULTS)
    for key in client.scan_iter(match=f"*{name}*"):
        client.delete(key)
    client.close()


def new_queue_name() -> str:
    return f"jobintech.test.{RUN_ID}.{uuid.uuid4().hex[:8]}"


@pytest.fixture
def start_worker(services, tmp_path):
    """start_worker(concurrency=N, queue=None) -> a ready Worker (on a queue of its own unless
    *queue* is given); stopped afterwards, and its queue deleted."""
    started = []

    def start(concurrency: int = 2, wait: bool = True, queue: str | None = None) -> Worker:
        queue = queue or new_queue_name()
        worker = Worker(queue, tmp_path / f"worker-{len(started)}.log", concurrency)
        started.append(worker)
        if wait:
            worker.wait_for(" ready.")
        return worker

    yield start
    for worker in started:
        worker.stop()
        delete_queue(worker.queue)


@pytest.fixture
def use_workers(monkeypatch):
    """use_workers(queue, **settings): grader.api sends jobs to *queue* from now on."""
    def use(queue: str, **extra):
        wanted = {name: value for name, value in
                  worker_env(queue, JOBINTECH_GRADER_BACKEND="celery", **extra).items()
                  if name.startswith("JOBINTECH_GRADER_")}
        for name in [n for n in os.environ if n.startswith("JOBINTECH_GRADER_")]:
            if name not in wanted:
                monkeypatch.delenv(name)
        for name, value in wanted.items():
            monkeypatch.setenv(name, value)
    return use


@pytest.fixture
def grade_locally(monkeypatch):
    """Make grader.api grade in this process (the default), whatever the environment says."""
    def local():
        monkeypatch.setenv("JOBINTECH_GRADER_BACKEND", "local")
    return local


@pytest.fixture(scope="module")
def shared_worker(services, tmp_path_factory):
    """One worker (2 processes) for a whole test module that does not kill it."""
    queue = new_queue_name()
    worker = Worker(queue, tmp_path_factory.mktemp("worker") / "worker.log", concurrency=2)
    try:
        worker.wait_for(" ready.")
        yield worker
    finally:
        worker.stop()
        delete_queue(queue)
