"""Limits (time, memory, output), crashes, "try it" snippets and the warm pool."""
import time

import pytest

from grader.exercise import Limits
from grader.pool import WarmPool
from grader.runners.python import PythonRunner
from tests.unit.grader.test_python_runner_support import LIMITS, describe, exercise, grade

pytestmark = pytest.mark.sandbox

TESTS = {"test_calcul.py": """
    import unittest
    from calcul import calcul, rapide

    class TestCalcul(unittest.TestCase):
        def test_1_rapide(self):
            self.assertEqual(rapide(), 1)

        def test_2_calcul(self):
            self.assertEqual(calcul(), 42)

        def test_3_encore(self):
            self.assertEqual(calcul(), 42)
    """}


def learner(body):
    return {"calcul.py": "def rapide():\n    return 1\n\ndef calcul():\n" + body}


def test_infinite_loop_is_a_timeout_and_later_tests_fail():
    verdict = grade(TESTS, learner("    while True:\n        pass\n"))
    assert verdict.status == "timeout", describe(verdict)
    assert verdict.score == 0
    outcomes = {t.name: t.outcome for t in verdict.tests}
    assert outcomes == {"TestCalcul.test_1_rapide": "passed",
                        "TestCalcul.test_2_calcul": "failed",
                        "TestCalcul.test_3_encore": "failed"}
    assert "Time limit" in verdict.message
    assert all("Time limit" in t.message for t in verdict.tests if not t.passed)


def test_sleeping_past_the_wall_time_is_a_timeout():
    limits = Limits(cpu_seconds=1, wall_seconds=1.5)
    started = time.monotonic()
    verdict = grade(TESTS, learner("    import time\n    time.sleep(60)\n"), limits)
    assert verdict.status == "timeout", describe(verdict)
    assert time.monotonic() - started < 30  # stopped by the wall clock, not by the sleep


def test_timeout_cannot_be_caught_by_the_test():
    tests = {"test_t.py": """
        from calcul import calcul

        def test_exception_attendue():
            try:
                calcul()
            except Exception:
                return
            raise AssertionError("no exception")
        """}
    verdict = grade(tests, learner("    while True:\n        pass\n"))
    assert verdict.status == "timeout" and verdict.passed == 0, describe(verdict)


def test_memory_bomb():
    bomb = "    x = []\n    while True:\n        x.append(bytearray(10**7))\n"
    verdict = grade(TESTS, learner(bomb))
    assert verdict.status == "memory", describe(verdict)
    assert verdict.score == 0


def test_output_flood():
    verdict = grade(TESTS, learner("    while True:\n        print('spam ' * 100)\n"))
    assert verdict.status == "output_limit", describe(verdict)
    assert verdict.score == 0
    assert len(verdict.output) <= LIMITS.output_kb * 1024


def test_output_flood_straight_to_the_file_descriptor():
    flood = "    import os\n    while True:\n        os.write(1, b'x' * 65536)\n"
    verdict = grade(TESTS, learner(flood))
    assert verdict.status == "output_limit", describe(verdict)


def test_learner_process_dying_is_a_crash():
    verdict = grade(TESTS, learner("    import os\n    os._exit(3)\n"))
    assert verdict.status == "crash", describe(verdict)
    assert {t.name: t.outcome for t in verdict.tests}["TestCalcul.test_2_calcul"] == "failed"


def test_printed_output_is_returned():
    verdict = grade(TESTS, learner("    print('je calcule')\n    return 42\n"))
    assert verdict.score == 1.0
    assert verdict.output == "je calcule\nje calcule\n"


def test_snippet_output_and_errors():
    runner = PythonRunner()
    verdict = runner.run_snippet("for i in range(3):\n    print(i)\n", LIMITS)
    assert (verdict.status, verdict.output) == ("ok", "0\n1\n2\n")
    verdict = runner.run_snippet("print('avant')\n1 / 0\n", LIMITS)
    assert verdict.status == "ok"
    assert verdict.output.startswith("avant\nTraceback")
    assert 'File "<snippet>", line 2' in verdict.output and "ZeroDivisionError" in verdict.output
    assert "snippet_runner" not in verdict.output


def test_snippet_limits():
    runner = PythonRunner()
    limits = Limits(cpu_seconds=1, wall_seconds=2, memory_mb=128, output_kb=4)
    assert runner.run_snippet("while True:\n    pass\n", limits).status == "timeout"
    assert runner.run_snippet("x = bytearray(10**9)\n", limits).status == "memory"
    flood = "while True:\n    print('x' * 100)\n"
    assert runner.run_snippet(flood, limits).status == "output_limit"


class RecordingPool(WarmPool):
    """A warm pool that remembers how many warm objects were ready at each take()."""

    def __init__(self, size):
        super().__init__(size)
        self.ready_at_take = []

    def take(self, key, factory):
        self.ready_at_take.append(self.ready_count(key))
        return super().take(key, factory)


def test_grading_takes_a_warm_sandbox_pair_from_the_pool():
    pool = RecordingPool(size=1)
    runner = PythonRunner(pool=pool)
    try:
        runner.warm(LIMITS)
        deadline = time.monotonic() + 30
        while pool.ready_count(runner.pool_key(LIMITS)) < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        verdict = runner.grade(exercise(TESTS), learner("    return 42\n"))
        assert verdict.score == 1.0, describe(verdict)
        assert pool.ready_at_take == [1]
    finally:
        pool.shutdown()
