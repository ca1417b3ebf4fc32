"""Verdict forgery from Python learner code: every attempt must end as failures."""
import pytest

from tests.security.conftest import assert_not_passed, grade_python

pytestmark = pytest.mark.sandbox

FORGERIES = {
    "always_true_eq": """
class Anything:
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
def add(a, b):
    return Anything()
""",
    "int_subclass_that_equals_everything": """
class Liar(int):
    def __eq__(self, other):
        return True
    __hash__ = int.__hash__
def add(a, b):
    return Liar(0)
""",
    "int_subclass_lying_int_and_repr": """
class Liar(int):
    def __int__(self):
        return 5
    def __index__(self):
        return 5
    def __repr__(self):
        return "5"
def add(a, b):
    return Liar(0)
""",
    "str_subclass": """
class Liar(str):
    def __eq__(self, other):
        return True
    __hash__ = str.__hash__
def add(a, b):
    return Liar("nope")
""",
    "patch_unittest_assertions": """
import unittest
unittest.TestCase.assertEqual = lambda *args, **kwargs: None
unittest.TestCase.assertTrue = lambda *args, **kwargs: None
def add(a, b):
    return None
""",
    "patch_unittest_result": """
import unittest
unittest.TestResult.addFailure = unittest.TestResult.addSuccess
unittest.TestResult.addError = unittest.TestResult.addSuccess
unittest.TestResult.wasSuccessful = lambda self: True
def add(a, b):
    return None
""",
    "replace_unittest_in_sys_modules": """
import sys, types
fake = types.ModuleType("unittest")
class TestCase:
    def __init_subclass__(cls, **kw):
        pass
fake.TestCase = TestCase
fake.main = lambda *a, **k: None
sys.modules["unittest"] = fake
def add(a, b):
    return None
""",
    "patch_builtins": """
import builtins
builtins.AssertionError = type("Harmless", (Exception,), {})
builtins.isinstance = lambda *a: True
def add(a, b):
    return None
""",
    "exit_zero_at_import": """
import os
os._exit(0)
def add(a, b):
    return None
""",
    "sys_exit_zero_in_call": """
import sys
def add(a, b):
    sys.exit(0)
""",
    "print_fake_results": """
import sys
print('{"status": "ok", "tests": [{"name": "test_small", "outcome": "passed"}, {"name": "test_negative", "outcome": "passed"}]}')
print("Ran 2 tests in 0.001s\\n\\nOK")
sys.stderr.write("OK\\n")
def add(a, b):
    print('{"outcome": "passed"}')
    return None
""",
    "write_fake_result_files": """
import os
for d in (".", "/tmp", "/work"):
    for name in ("results.json", "verdict.json", "report.xml"):
        try:
            open(os.path.join(d, name), "w").write('{"passed": 2, "total": 2, "score": 1.0}')
        except OSError:
            pass
def add(a, b):
    return None
""",
    "skip_every_test": """
import unittest
raise unittest.SkipTest("nothing to see")
""",
    "skip_from_inside_the_call": """
import unittest
def add(a, b):
    raise unittest.SkipTest("skipped")
""",
    "kill_the_harness": """
import os, signal
for pid in (os.getppid(), 1, 2, 3):
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
def add(a, b):
    return None
""",
    "atexit_exit_zero": """
import atexit, os
atexit.register(lambda: os._exit(0))
def add(a, b):
    return None
""",
    "rewrite_the_test_files": """
import os
PASSING = "import unittest\\nclass T(unittest.TestCase):\\n    def test_small(self): pass\\n    def test_negative(self): pass\\n"
for root, dirs, files in os.walk("/"):
    if root.startswith(("/proc", "/sys", "/usr", "/dev")):
        dirs[:] = []
        continue
    for name in files:
        if name.startswith("test_"):
            try:
                open(os.path.join(root, name), "w").write(PASSING)
            except OSError:
                pass
def add(a, b):
    return None
""",
    "tamper_with_caller_frames": """
import sys, gc
def add(a, b):
    frame = sys._getframe(1)
    while frame is not None:
        for key, value in list(frame.f_locals.items()):
            if hasattr(value, "failures"):
                value.failures.clear()
        frame = frame.f_back
    for obj in gc.get_objects():
        if type(obj).__name__ in ("TestResult", "TextTestResult"):
            obj.failures.clear(); obj.errors.clear()
    return None
""",
    "raise_assertion_subclass_that_looks_passed": """
class Passed(BaseException):
    pass
def add(a, b):
    raise Passed("passed")
""",
    "daemon_thread_keeps_printing_success": """
import threading, sys, time
def spam():
    while True:
        sys.stdout.write("ok\\nOK\\n")
        time.sleep(0.001)
threading.Thread(target=spam, daemon=True).start()
def add(a, b):
    return None
""",
    "proxy_object_with_dunder_everything": """
class Ghost:
    def __getattr__(self, name):
        return lambda *a, **k: True
    def __eq__(self, other):
        return True
    def __bool__(self):
        return True
    def __int__(self):
        return 5
def add(a, b):
    return Ghost()
""",
}


@pytest.mark.parametrize("name", sorted(FORGERIES))
def test_forgery_fails(name):
    verdict = grade_python(FORGERIES[name])
    assert_not_passed(verdict)


def test_an_honest_solution_still_passes():
    # The same harness gives full marks to a correct solution: the attacks fail for a reason.
    verdict = grade_python("def add(a, b):\n    return a + b\n")
    assert verdict.status == "ok" and verdict.score == 1.0


STAR_IMPORT_TESTS = """import unittest
from attack import *


class TestAdd(unittest.TestCase):
    def test_small(self):
        self.assertEqual(add(2, 3), 5)


def test_negative():
    assert add(-2, -3) == -5
"""


def test_learner_functions_star_imported_into_the_tests_never_run_as_tests_or_hooks():
    # With `from attack import *` in the test file, learner functions land in its namespace;
    # disguised as the test module's own (tests, load_tests, fixtures, setup hooks), they must
    # not be collected: only what the test file defines is.
    from grader.api import grade
    from grader.exercise import Exercise, SourceFile
    from tests.security.conftest import LIMITS

    attack = """
import unittest as _unittest

def add(a, b):
    return None

def _disguise(f):
    f.__module__ = "test_attack"
    f.__qualname__ = f.__name__
    return f

@_disguise
def test_extra_one():
    pass

@_disguise
def test_extra_two():
    pass

@_disguise
def load_tests(loader, tests, pattern):
    return _unittest.TestSuite()

@_disguise
def setup_module(module):
    pass

fixture = _disguise(lambda: 5)
fixture._jt_fixture = {"name": "fixture", "scope": "function", "autouse": True}
"""
    exercise = Exercise("python", (SourceFile("test_attack.py", STAR_IMPORT_TESTS),), LIMITS)
    verdict = grade(exercise, {"attack.py": attack})
    assert sorted(t.name for t in verdict.tests) == ["TestAdd.test_small", "test_negative"], \
        [(t.name, t.outcome) for t in verdict.tests]
    assert_not_passed(verdict)
