"""The zygote (grader/zygote.py, harness/python/zygote_server.py) with plain runs of the
snippet entry point: each run forked into namespaces of its own, limits applied, exit codes and
kills reported as a Sandbox's would be, and a dead zygote replaced."""
import os
import signal
import threading

import pytest

from grader import zygote
from grader.exercise import Limits
from grader.runners.python import INSIDE, _binds, python_executable
from grader.sandbox import SandboxError

pytestmark = pytest.mark.sandbox

LIMITS = Limits(cpu_seconds=2, wall_seconds=4, memory_mb=256, max_processes=16)


@pytest.fixture(scope="module")
def snippets():
    python = python_executable()
    z = zygote.Zygote([python, "-I", "-S", f"{INSIDE}/zygote_server.py"], "snippet_runner",
                      _binds(python))
    yield z
    z.close()


def run(z, code, limits=LIMITS, timeout=None):
    return z.spawn(limits).communicate(code.encode(), timeout or limits.wall_seconds, 100_000)


def test_a_run_prints_and_exits(snippets):
    r = run(snippets, "import os; print('bonjour', os.getcwd(), os.listdir('.'))")
    assert r.returncode == 0
    assert r.stdout.decode().split() == ["bonjour", "/work", "[]"]


def test_exit_codes_and_signals_come_back(snippets):
    assert run(snippets, "import os; os._exit(7)").returncode == 7
    killed = run(snippets, "import os, signal; os.kill(os.getpid(), signal.SIGKILL)")
    assert killed.returncode == -signal.SIGKILL


def test_each_run_has_namespaces_of_its_own(snippets):
    # Both runs are alive at once, so that the kernel cannot reuse a namespace's number.
    code = "import os, time; print(*(os.readlink(f'/proc/self/ns/{n}') for n in " \
           "('user', 'mnt', 'pid', 'net', 'ipc', 'uts', 'cgroup'))); time.sleep(0.5)"
    outputs = []
    threads = [threading.Thread(target=lambda: outputs.append(run(snippets, code).stdout))
               for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    first, second = (out.decode().split() for out in outputs)
    assert len(first) == 7
    assert all(a != b for a, b in zip(first, second)), (first, second)


def test_the_run_is_pid_2_under_an_init_that_keeps_its_namespace(snippets):
    r = run(snippets, "import os; print(os.getpid(), sorted(p for p in os.listdir('/proc') "
                      "if p.isdigit()))")
    assert r.stdout.decode().strip().split(maxsplit=1) == ["2", "['1', '2']"]


def test_limits_are_those_of_the_request(snippets):
    limits = Limits(cpu_seconds=3, wall_seconds=4, memory_mb=300, max_processes=9,
                    file_size_kb=512)
    r = run(snippets, "import resource as r; print(*(r.getrlimit(k)[0] for k in (r.RLIMIT_CPU, "
                      "r.RLIMIT_AS, r.RLIMIT_NPROC, r.RLIMIT_FSIZE)))", limits)
    assert r.stdout.decode().split() == ["3", str(300 << 20), "9", str(512 << 10)]


def test_no_capability_and_the_seccomp_filter(snippets):
    r = run(snippets, "status = open('/proc/self/status').read(); print([l for l in "
                      "status.splitlines() if l.startswith(('CapEff', 'Seccomp:', 'NoNewPrivs'))])")
    assert "CapEff:\\t0000000000000000" in r.stdout.decode()
    assert "Seccomp:\\t2" in r.stdout.decode() and "NoNewPrivs:\\t1" in r.stdout.decode()


def test_a_stopped_run_ends_with_everything_it_started(snippets, tmp_path):
    box = snippets.spawn(LIMITS)
    result = {}
    waiter = threading.Thread(target=lambda: result.setdefault("r", box.communicate(
        b"import os, time\nif os.fork() == 0:\n    os.setsid()\ntime.sleep(60)\n", 30, 1000)))
    waiter.start()
    threading.Event().wait(0.3)
    box.stop()
    waiter.join(5)
    assert not waiter.is_alive(), "communicate() did not return after stop()"
    assert result["r"].returncode == -signal.SIGKILL


def test_concurrent_runs(snippets):
    results = [None] * 6

    def one(i):
        results[i] = run(snippets, f"print({i} * {i})")

    threads = [threading.Thread(target=one, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.stdout.decode().strip() for r in results] == [str(i * i) for i in range(6)]


def test_a_dead_zygote_is_replaced():
    python = python_executable()
    zygotes = zygote.Zygotes()
    start = lambda: zygote.Zygote([python, "-I", "-S", f"{INSIDE}/zygote_server.py"],  # noqa: E731
                                  "snippet_runner", _binds(python))
    try:
        first = zygotes.get("snippets", start)
        os.killpg(first.process.pid, signal.SIGKILL)
        first.process.wait(5)
        with pytest.raises(SandboxError, match="zygote"):
            first.spawn(LIMITS)
        second = zygotes.get("snippets", start)
        assert second is not first
        assert run(second, "print(6 * 7)").stdout == b"42\n"
    finally:
        zygotes.close()


def test_namespaces_the_zygote_cannot_do_without_are_refused(monkeypatch):
    python = python_executable()
    monkeypatch.setattr(zygote, "RUN_NAMESPACES", ("mount", "net"))
    z = zygote.Zygote([python, "-I", "-S", f"{INSIDE}/zygote_server.py"], "snippet_runner",
                      _binds(python))
    try:
        z.process.wait(10)
        with pytest.raises(SandboxError, match="user, mount, pid are needed"):
            z.spawn(LIMITS)
    finally:
        z.close()


def test_a_warm_pair_whose_zygote_died_is_not_graded_on(monkeypatch):
    from grader.exercise import Exercise, SourceFile
    from grader.pool import WarmPool
    from grader.runners.python import PythonRunner

    monkeypatch.setattr(zygote, "_default", None)  # zygotes of this test only
    runner = PythonRunner(pool=WarmPool(size=1))
    exercise = Exercise("python", (SourceFile("test_double.py", (
        "import unittest\nfrom double import double\n\n\nclass T(unittest.TestCase):\n"
        "    def test_double(self):\n        self.assertEqual(double(4), 8)\n")),), LIMITS)
    files = {"double.py": "def double(x):\n    return 2 * x\n"}
    try:
        assert runner.grade(exercise, files).score == 1.0
        deadline = threading.Event()
        while runner.pool.ready_count(runner.pool_key(LIMITS)) < 1:
            deadline.wait(0.05)
        warm = runner.pool._ready[runner.pool_key(LIMITS)][0]
        for z in list(zygote.default_zygotes()._zygotes.values()):
            os.killpg(z.process.pid, signal.SIGKILL)  # the warm pair's runs die with them
            z.process.wait(5)
        for _ in range(100):  # bubblewrap's sandbox dies with it, a moment later
            if not warm.alive():
                break
            deadline.wait(0.05)
        assert not warm.alive()
        assert runner.grade(exercise, files).score == 1.0
    finally:
        runner.pool.shutdown()
        zygote.default_zygotes().close()


def test_a_run_gets_its_descriptors_whatever_numbers_the_zygote_gave_them(snippets):
    # Many runs alive at once give the zygote high descriptor numbers: each new run must still
    # get exactly its own stdin, stdout and stderr (and nothing of the others).
    waiting = [snippets.spawn(LIMITS) for _ in range(40)]
    try:
        r = run(snippets, "import os, sys\nprint('out')\nprint('err', file=sys.stderr)\n"
                          "for n in os.listdir('/proc/self/fd'):\n"
                          "    try:\n        print(os.readlink(f'/proc/self/fd/{n}'))\n"
                          "    except OSError:\n        pass\n")
        assert r.returncode == 0, r
        out = r.stdout.decode()
        assert out.startswith("out\nerr\n")  # the snippet runner merges stderr into stdout
        assert "anon_inode" not in out and "socket" not in out, out
    finally:
        for box in waiting:
            box.kill()
