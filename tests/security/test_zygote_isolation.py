"""Attacks on what runs forked by the same zygote share (docs/decisions/0005-zygote.md).

All Python runs of a grader process are forked by one zygote per side, under one host uid, so
these check that each run still has its own files, processes, ptys and privileges, and that a
run can neither find the zygote nor leave anything for the next run."""
import threading
import time

import pytest

from tests.security.conftest import assert_no_process_left, assert_not_passed, grade_python

pytestmark = pytest.mark.sandbox

PLACES = ("/tmp", "/work", "/dev/shm", "/dev", "/")


def _leave(marker, sleep=0.0):
    return f"""
import os, time
def add(a, b):
    for d in {PLACES!r}:
        try:
            with open(os.path.join(d, "{marker}"), "w") as f:
                f.write("left by an earlier run")
        except OSError:
            pass
    time.sleep({sleep})
    return None
"""


def _find(marker):
    return f"""
import os
def add(a, b):
    for d in {PLACES!r}:
        if os.path.exists(os.path.join(d, "{marker}")):
            return a + b
    return None
"""


def test_a_run_finds_nothing_an_earlier_run_left(marker):
    assert_not_passed(grade_python(_leave(marker)))
    assert_not_passed(grade_python(_find(marker)))


def test_concurrent_runs_do_not_share_files(marker):
    verdicts = {}
    writer = threading.Thread(target=lambda: verdicts.setdefault(
        "writer", grade_python(_leave(marker, sleep=1.5))))
    writer.start()
    time.sleep(0.5)
    verdicts["reader"] = grade_python(_find(marker))
    writer.join()
    assert_not_passed(verdicts["reader"])
    assert_not_passed(verdicts["writer"])


def test_a_daemon_is_gone_before_the_next_run(marker):
    daemon = f"""
import os, time
def add(a, b):
    if os.fork() == 0:
        os.setsid()
        os.environ["MARK"] = "{marker}"
        os.execv("/usr/bin/sleep", ["sleep", "30", "{marker}"])
    return None
"""
    seek = f"""
import os
def add(a, b):
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if b"{marker}" in open(f"/proc/{{pid}}/cmdline", "rb").read():
                return a + b
        except OSError:
            pass
    return None
"""
    assert_not_passed(grade_python(daemon))
    assert_not_passed(grade_python(seek))
    assert_no_process_left(marker)


FIND_THE_ZYGOTE = {
    "processes_beyond_the_run": """
import os
def add(a, b):
    # the run's own init (pid 1) and itself: the zygote and other runs must not be visible
    if set(filter(str.isdigit, os.listdir("/proc"))) - {"1", str(os.getpid())}:
        return a + b
    return None
""",
    "inherited_descriptors": """
import os, stat
def add(a, b):
    # the zygote's control socket, its epoll, other runs' pidfds and status pipes
    for fd in range(3, 1024):
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                return a + b
        except OSError:
            pass
    for name in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{name}").startswith(("anon_inode:", "socket:")):
                return a + b
        except OSError:
            pass
    return None
""",
    "signal_the_parents": """
import os, signal
def add(a, b):
    ppid = os.getppid()
    if ppid > 1:  # the run is pid 2 under its own init: nothing above it is visible
        try:
            os.kill(ppid, signal.SIGKILL)
            return a + b
        except OSError:
            pass
    for pid in range(2, 64):
        try:
            os.kill(pid, 0)
            if pid != os.getpid():
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if b"attack" not in f.read():
                        return a + b
        except OSError:
            pass
    return None
""",
    "write_into_the_runs_init": """
import os
def add(a, b):
    # pid 1 is the run's init, a copy of the zygote with its file descriptors: its memory must
    # be out of reach although it runs under the same uid
    for path in ("/proc/1/mem", "/proc/1/fd/3"):
        try:
            os.close(os.open(path, os.O_RDWR))
            return a + b
        except OSError:
            pass
    return None
""",
    "privileges_left": """
def add(a, b):
    status = dict(line.split(":", 1) for line in open("/proc/self/status"))
    if int(status["CapEff"].strip(), 16) or int(status["CapBnd"].strip(), 16):
        return a + b
    if status["NoNewPrivs"].strip() != "1" or status["Seccomp"].strip() != "2":
        return a + b
    return None
""",
    "shared_pty": """
import os
def add(a, b):
    for path in ("/dev/ptmx", "/dev/pts/ptmx", "/dev/pts/0"):
        try:
            os.close(os.open(path, os.O_RDWR | os.O_NOCTTY))
            return a + b
        except OSError:
            pass
    return None
""",
    "remount_writable": """
import ctypes
def add(a, b):
    libc = ctypes.CDLL(None, use_errno=True)
    for target in (b"/", b"/dev"):
        if libc.mount(None, target, None, 32 | 4096, None) == 0:  # MS_REMOUNT | MS_BIND
            return a + b
    return None
""",
}


@pytest.mark.parametrize("name", sorted(FIND_THE_ZYGOTE))
def test_the_zygote_is_out_of_reach(name):
    assert_not_passed(grade_python(FIND_THE_ZYGOTE[name]))


def test_grading_still_works_after_a_run_killed_everything_it_could():
    assert_not_passed(grade_python("""
import os, signal
def add(a, b):
    for pid in range(1, 64):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    os.kill(-1, signal.SIGKILL)
"""))
    verdict = grade_python("def add(a, b):\n    return a + b\n")
    assert verdict.score == 1.0, verdict


def test_a_fork_bomb_does_not_starve_the_runs_beside_it():
    # Runs of one zygote share a host uid; each has its own user namespace, where the kernel
    # counts its processes against its own RLIMIT_NPROC, so a bomb exhausts only itself.
    bomb = """
import os
def add(a, b):
    while True:
        try:
            os.fork()
        except OSError:
            pass
"""
    verdicts = {}
    bomber = threading.Thread(target=lambda: verdicts.setdefault("bomb", grade_python(bomb)))
    bomber.start()
    time.sleep(0.5)
    honest = [grade_python("def add(a, b):\n    return a + b\n").score for _ in range(3)]
    bomber.join()
    assert honest == [1.0, 1.0, 1.0]
    assert_not_passed(verdicts["bomb"])
