"""The sandbox itself, with plain programs (the runners are tested on their own)."""
import os
import signal
import time

import pytest

from grader import sandbox
from grader.exercise import Limits
from grader.sandbox import Sandbox, SandboxError

PY = "/usr/bin/python3"
LIMITS = Limits(cpu_seconds=2, wall_seconds=4)


def run(code, limits=LIMITS, data=b"", cap=100_000, **kw):
    box = Sandbox.start([PY, "-I", "-S", "-c", code], limits=limits, **kw)
    return box.communicate(data, limits.wall_seconds, cap)


def test_program_runs_with_stdin_in_a_fresh_workdir():
    r = run("import os,sys; print(sys.stdin.read(), os.getcwd(), sorted(os.listdir('.')))", data=b"bonjour")
    assert r.returncode == 0
    assert r.stdout.decode().split() == ["bonjour", "/work", "[]"]


def test_environment_is_empty_of_host_secrets(monkeypatch):
    monkeypatch.setenv("JOBINTECH_SECRET_TOKEN", "s3cret")
    r = run("import os; print(sorted(os.environ))")
    assert b"s3cret" not in r.stdout and b"JOBINTECH_SECRET_TOKEN" not in r.stdout


def test_network_is_unreachable_even_loopback_services():
    # PostgreSQL listens on the host's 127.0.0.1:5432; the sandbox has its own empty network.
    r = run("import socket\ntry:\n socket.create_connection(('127.0.0.1', 5432), timeout=2); print('CONNECTED')\n"
            "except OSError as e: print('refused', e.errno)")
    assert b"CONNECTED" not in r.stdout and b"refused" in r.stdout


def test_host_files_are_not_visible():
    r = run("import os; print(os.path.exists('/etc/passwd'), os.path.exists('/root'), os.path.exists('/work/main'))")
    assert r.stdout.split() == [b"False", b"False", b"False"]


def test_system_is_read_only():
    r = run("open('/usr/evil', 'w')")
    assert r.returncode != 0 and b"Read-only file system" in r.stderr


def test_infinite_loop_is_stopped_by_the_cpu_limit():
    r = run("while True: pass", limits=Limits(cpu_seconds=1, wall_seconds=5))
    assert r.signal in (signal.SIGXCPU, signal.SIGKILL)


def test_sleeping_forever_is_stopped_by_the_wall_clock():
    started = time.monotonic()
    r = run("import time; time.sleep(60)", limits=Limits(cpu_seconds=1, wall_seconds=1))
    assert r.timed_out
    assert time.monotonic() - started < 30


def test_output_is_capped():
    r = run("import sys\nwhile True: sys.stdout.write('x' * 4096)", cap=10_000)
    assert r.output_exceeded and len(r.stdout) == 10_000


def test_memory_limit_raises_memory_error():
    r = run("b = bytearray(900 * 1024 * 1024)", limits=Limits(memory_mb=128))
    assert b"MemoryError" in r.stderr


def test_fork_bomb_hits_the_process_limit():
    r = run("import os\nn = 0\ntry:\n while True:\n  if os.fork() == 0:\n   import time; time.sleep(30)\n  n += 1\n"
            "except OSError: print('capped at', n)", limits=Limits(max_processes=10))
    assert b"capped at" in r.stdout
    assert int(r.stdout.split()[-1]) < 10


def test_nothing_outlives_the_run():
    marker = f"jobintech-daemon-{os.getpid()}-{time.monotonic_ns()}"
    run(f"import os, time\nif os.fork() == 0:\n os.setsid()\n if os.fork() == 0:\n  import sys; sys.argv[0] = '{marker}'\n"
        f"  time.sleep(300)\nprint('parent done')")
    time.sleep(0.2)
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                assert marker.encode() not in f.read()
        except OSError:
            pass


def test_namespaces_cannot_be_nested_from_inside():
    r = run("import ctypes; libc = ctypes.CDLL(None, use_errno=True)\n"
            "print(libc.unshare(0x10000000), ctypes.get_errno())")
    assert r.stdout.split()[0] == b"-1"


def test_ptrace_is_denied():
    r = run("import ctypes; libc = ctypes.CDLL(None, use_errno=True)\n"
            "print(libc.ptrace(16, 1, 0, 0), ctypes.get_errno())")  # PTRACE_ATTACH to pid 1
    assert r.stdout.split()[0] == b"-1"


def test_runs_cannot_see_each_other():
    first = Sandbox.start([PY, "-I", "-S", "-c", "import time; time.sleep(5)"], limits=LIMITS)
    try:
        r = run("import os; print(sorted(int(p) for p in os.listdir('/proc') if p.isdigit()))")
        pids = eval(r.stdout)  # a list of ints printed by our own code
        assert len(pids) <= 2  # bubblewrap's init and the program itself
    finally:
        first.kill()


def test_grading_fails_closed_without_bubblewrap(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(SandboxError, match="bubblewrap.*not installed"):
        Sandbox.start([PY, "-c", "print(1)"], limits=LIMITS)


def test_unsafe_mode_is_explicit_and_loud(monkeypatch, caplog):
    monkeypatch.setenv(sandbox.UNSAFE_ENV, "1")
    box = Sandbox.start([PY, "-I", "-S", "-c", "print('unsandboxed')"], limits=LIMITS)
    r = box.communicate(b"", 4, 1000)
    assert r.stdout.strip() == b"unsandboxed"
    assert "WITHOUT a sandbox" in caplog.text
