"""Denial of service from Python learner code: contained, reported, and nothing left behind."""
import os
import time

import pytest

from grader.exercise import Limits
from tests.security.conftest import assert_no_process_left, assert_not_passed, grade_python

pytestmark = pytest.mark.sandbox


def test_infinite_loop_times_out():
    v = grade_python("def add(a, b):\n    while True:\n        pass\n")
    assert_not_passed(v)
    assert v.status == "timeout"


def test_loop_ignoring_signals_is_still_stopped():
    code = """
import signal
for s in (signal.SIGXCPU, signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGALRM):
    signal.signal(s, signal.SIG_IGN)
def add(a, b):
    while True:
        pass
"""
    started = time.monotonic()
    v = grade_python(code)
    assert_not_passed(v)
    assert v.status == "timeout"
    assert time.monotonic() - started < 30


def test_sleeping_forever_times_out():
    v = grade_python("import time\ndef add(a, b):\n    time.sleep(3600)\n")
    assert_not_passed(v)
    assert v.status == "timeout"


def test_memory_bomb():
    v = grade_python("def add(a, b):\n    x = []\n    while True:\n        x.append(bytearray(10**7))\n")
    assert_not_passed(v)
    assert v.status == "memory"


def test_huge_integer_computation():
    v = grade_python("def add(a, b):\n    return 10 ** 10 ** 9\n")
    assert_not_passed(v)
    assert v.status in ("timeout", "memory")


def test_fork_bomb(marker):
    code = f"""
import os, sys
sys.argv[0] = "{marker}"
def add(a, b):
    while True:
        try:
            os.fork()
        except OSError:
            pass
"""
    v = grade_python(code)
    assert_not_passed(v)
    assert_no_process_left(marker)


def test_thread_bomb():
    code = """
import threading, time
def add(a, b):
    while True:
        threading.Thread(target=time.sleep, args=(60,)).start()
"""
    assert_not_passed(grade_python(code))


def test_output_flood():
    v = grade_python("import sys\ndef add(a, b):\n    while True:\n        print('spam' * 1000)\n")
    assert_not_passed(v)
    assert v.status == "output_limit"


def test_binary_output_flood():
    v = grade_python("import os, sys\ndef add(a, b):\n    while True:\n        sys.stdout.buffer.write(os.urandom(65536))\n")
    assert_not_passed(v)
    assert v.status == "output_limit"


def test_filling_the_disk():
    code = """
def add(a, b):
    with open("/tmp/big", "wb") as f:
        while True:
            f.write(b"x" * 1048576)
"""
    v = grade_python(code, limits=Limits(file_size_kb=1024 * 1024, cpu_seconds=2, wall_seconds=4))
    assert_not_passed(v)


def test_filling_inodes():
    code = """
import os
def add(a, b):
    i = 0
    while True:
        open(f"/tmp/f{i}", "w").close()
        i += 1
"""
    assert_not_passed(grade_python(code))


def test_daemon_does_not_outlive_the_run(marker):
    code = f"""
import os, sys, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.environ["X"] = "{marker}"
        os.execv("/usr/bin/python3", ["/usr/bin/python3", "-c", "import time; time.sleep(600)", "{marker}"])
    os._exit(0)
def add(a, b):
    return None
"""
    assert_not_passed(grade_python(code))
    assert_no_process_left(marker)


def test_deep_recursion():
    v = grade_python("def add(a, b):\n    return add(a, b)\n")
    assert_not_passed(v)


def test_the_host_grader_is_still_healthy_after_the_suite():
    # After all of the above, the grader still grades an honest solution normally.
    v = grade_python("def add(a, b):\n    return a + b\n")
    assert v.status == "ok" and v.score == 1.0
    assert os.getloadavg()[0] < 50
