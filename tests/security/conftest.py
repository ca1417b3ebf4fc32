"""Attack suite helpers: grade an attack as a learner submission, then check the host.

Pattern: the exercise asks for `add(a, b)`. Each attack's `add` returns the right answer only if
the attack SUCCEEDED (escape, forgery...), so a passing test means a broken sandbox; the host is
then checked directly (files, processes, services) for any trace the attack tried to leave.
"""
import os
import time
import uuid

import pytest

from grader.api import grade
from grader.exercise import Exercise, Limits, SourceFile

PY_TESTS = """import unittest
from attack import add


class TestAdd(unittest.TestCase):
    def test_small(self):
        self.assertEqual(add(2, 3), 5)

    def test_negative(self):
        self.assertEqual(add(-2, -3), -5)
"""

JS_TESTS = """const test = require('node:test');
const assert = require('node:assert/strict');
const { add } = require('./attack.js');

test('small', () => { assert.equal(add(2, 3), 5); });
test('negative', () => { assert.equal(add(-2, -3), -5); });
"""

LIMITS = Limits(cpu_seconds=2, wall_seconds=4, memory_mb=256, max_processes=16)


def grade_python(code, limits=LIMITS):
    ex = Exercise("python", (SourceFile("test_attack.py", PY_TESTS),), limits)
    return grade(ex, {"attack.py": code})


def grade_js(code, limits=LIMITS):
    ex = Exercise("javascript", (SourceFile("attack.test.js", JS_TESTS),), limits)
    return grade(ex, {"attack.js": code})


def assert_not_passed(verdict):
    """The attack earned nothing: no test passed (whatever the status)."""
    assert verdict.passed == 0, (verdict.status, [(t.name, t.outcome, t.message) for t in verdict.tests])
    assert verdict.score == 0.0


@pytest.fixture
def marker():
    """A unique string an attack leaves in files/processes it creates, to look for on the host."""
    return f"jobintech-attack-{uuid.uuid4().hex}"


def host_processes_with(marker: str) -> list[int]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read()
            with open(f"/proc/{pid}/environ", "rb") as f:
                environ = f.read()
        except OSError:
            continue
        if marker.encode() in cmdline or marker.encode() in environ:
            found.append(int(pid))
    return found


def assert_no_process_left(marker: str):
    time.sleep(0.3)  # give the kernel a moment to reap a killed namespace
    assert host_processes_with(marker) == []


def assert_no_host_file(marker: str):
    for root in ("/tmp", "/var/tmp", "/dev/shm", os.getcwd()):
        assert not any(marker in name for name in os.listdir(root)), f"{root} has a file named {marker}"
