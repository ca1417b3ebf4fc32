"""Forgery attempts against the split harness: each must end with no test passed.

The exercise asks for add(a, b); each attack's add returns a wrong answer, so a passing test
can only mean the attack forged it. The honest solution passes with the same tests.
"""
import pytest

from tests.unit.grader.test_python_runner_support import describe, grade

pytestmark = pytest.mark.sandbox

TESTS = {"test_add.py": """
    import unittest
    from attack import add

    class TestAdd(unittest.TestCase):
        def test_small(self):
            self.assertEqual(add(2, 3), 5)

        def test_type(self):
            self.assertIsInstance(add(1, 1), int)
            self.assertEqual(add(1, 1), 2)

        def test_float(self):
            self.assertAlmostEqual(add(0.1, 0.2), 0.3)
    """, "test_add_pytest.py": """
    import pytest
    from attack import add

    def test_plain_assert():
        assert add(2, 2) == 4

    def test_approx():
        assert add(0.5, 0.25) == pytest.approx(0.75)
    """}

ATTACKS = {
    "always_true_eq": """
        class Anything:
            def __eq__(self, other):
                return True
            def __ne__(self, other):
                return False
            def __hash__(self):
                return 0
        def add(a, b):
            return Anything()
        """,
    "int_subclass": """
        class Liar(int):
            def __eq__(self, other):
                return True
            def __sub__(self, other):
                return 0
            __rsub__ = __sub__
            __hash__ = int.__hash__
        def add(a, b):
            return Liar(99)
        """,
    "float_subclass": """
        class Liar(float):
            def __eq__(self, other):
                return True
            def __sub__(self, other):
                return 0.0
            __rsub__ = __sub__
            __hash__ = float.__hash__
        def add(a, b):
            return Liar(99)
        """,
    "fake_class_and_distance": """
        class Close:
            __class__ = property(lambda self: int)
            def __eq__(self, other):
                return True
            def __sub__(self, other):
                return 0
            __rsub__ = __sub__
            def __abs__(self):
                return 0
            def __round__(self, n=None):
                return 0
            def __float__(self):
                return 99.0
        def add(a, b):
            return Close()
        """,
    "monkeypatch_unittest": """
        import unittest
        unittest.TestCase.assertEqual = lambda *args, **kwargs: None
        unittest.TestCase.assertAlmostEqual = lambda *args, **kwargs: None
        unittest.TestCase.assertIsInstance = lambda *args, **kwargs: None
        unittest.TestResult.addFailure = unittest.TestResult.addSuccess
        unittest.TestResult.addError = unittest.TestResult.addSuccess
        def add(a, b):
            return None
        """,
    "exit_zero_at_import": "import os\nos._exit(0)\n",
    "exit_zero_in_call": "import os\ndef add(a, b):\n    os._exit(0)\n",
    "sys_exit_in_call": "import sys\ndef add(a, b):\n    sys.exit(0)\n",
    "keyboard_interrupt_in_call": "def add(a, b):\n    raise KeyboardInterrupt\n",
    "print_fake_results": """
        import sys, os
        FAKE = '{"test": "TestAdd.test_small", "outcome": "passed", "message": ""}\\n'
        print(FAKE * 5 + '{"done": true, "flags": [], "unavailable": null, "output": ""}')
        os.write(1, FAKE.encode())
        os.write(2, FAKE.encode())
        def add(a, b):
            print(FAKE)
            return None
        """,
    "kill_parent_and_everything": """
        import os, signal
        def add(a, b):
            for pid in [os.getppid(), 1] + list(range(2, 64)):
                if pid != os.getpid():
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except OSError:
                        pass
            return None
        """,
    "atexit_exit_zero": """
        import atexit, os
        atexit.register(lambda: os._exit(0))
        def add(a, b):
            exit(0)
        """,
    "edit_the_test_files": """
        import os
        PASS = "def test_small():\\n    pass\\n"
        for root, dirs, files in os.walk("/"):
            if root.startswith(("/proc", "/sys", "/usr", "/dev")):
                dirs[:] = []
                continue
            for name in files:
                if name.startswith("test_") or name == "test_harness.py":
                    try:
                        with open(os.path.join(root, name), "w") as f:
                            f.write(PASS)
                    except OSError:
                        pass
        def add(a, b):
            return None
        """,
    "skip_test_from_learner_code": """
        import unittest
        def add(a, b):
            raise unittest.SkipTest("not today")
        """,
    "garbage_on_the_pipe": """
        import os, struct
        def add(a, b):
            for fd in range(3, 20):
                try:
                    os.write(fd, struct.pack(">I", 20) + b'{"ok": 5, "flags": []}')
                    os.write(fd, b"\\xff" * 64)
                except OSError:
                    pass
            return None
        """,
    "deeply_nested_value": """
        def add(a, b):
            value = []
            for _ in range(100000):
                value = [value]
            return value
        """,
    "dict_and_list_subclasses": """
        class L(list):
            def __eq__(self, other):
                return True
            def __iter__(self):
                return iter([5])
        def add(a, b):
            return L([1, 2, 3])
        """,
}


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_attack_earns_nothing(name):
    verdict = grade(TESTS, {"attack.py": ATTACKS[name]})
    assert verdict.passed == 0, (name, describe(verdict))
    assert verdict.score == 0.0


def test_the_honest_solution_passes_the_same_tests():
    verdict = grade(TESTS, {"attack.py": "def add(a, b):\n    return a + b\n"})
    assert verdict.status == "ok" and verdict.score == 1.0, describe(verdict)


def test_callbacks_do_not_open_the_tests_sandbox():
    tests = {"test_appliquer.py": """
        import unittest
        from attack import appliquer

        class TestAppliquer(unittest.TestCase):
            def test_double(self):
                self.assertEqual(appliquer(lambda x: 2 * x, 3), 6)

            def test_methode(self):
                self.assertEqual(appliquer(self.id, None), self.id())
        """}
    attack = """
        def appliquer(f, x):
            for path in (("__globals__", "unittest"), ("__self__",), ("__func__", "__globals__")):
                try:
                    obj = f
                    for part in path:
                        obj = getattr(obj, part)
                    obj.TestCase.assertEqual = lambda *a, **k: None
                except Exception:
                    pass
            return None
        """
    assert grade(tests, {"attack.py": attack}).passed == 0
    honest = "def appliquer(f, x):\n    return f() if x is None else f(x)\n"
    assert grade(tests, {"attack.py": honest}).score == 1.0


def test_learner_file_cannot_stand_in_for_a_test_helper():
    tests = {"test_add.py": """
        from aide import verifier
        from attack import add

        def test_small():
            verifier(add(2, 3), 5)
        """, "aide.py": """
        def verifier(obtenu, attendu):
            assert obtenu == attendu
        """}
    files = {"attack.py": "def add(a, b):\n    return 0\n",
             "aide.py": "def verifier(obtenu, attendu):\n    pass\n"}
    verdict = grade(tests, files)
    assert verdict.passed == 0, describe(verdict)


def test_star_import_cannot_bring_a_load_tests_or_tests():
    tests = {"test_add.py": """
        import unittest
        from attack import *

        class TestAdd(unittest.TestCase):
            def test_small(self):
                self.assertEqual(add(2, 3), 5)
        """}
    attack = """
        class FakeTest:
            def __str__(self):
                return "TestAdd.test_small"
            def __call__(self, result):
                result.startTest(self)
                result.addSuccess(self)
                result.stopTest(self)

        class FakeSuite:
            def __iter__(self):
                return iter([FakeTest()])
            def run(self, result):
                FakeTest()(result)
                return result
            __call__ = run

        def load_tests(loader, tests, pattern):
            return FakeSuite()

        def test_extra():
            pass

        class TestExtra:
            def test_more(self):
                pass

        def add(a, b):
            return 0
        """
    verdict = grade(tests, {"attack.py": attack})
    assert [(t.name, t.outcome) for t in verdict.tests] == [("TestAdd.test_small", "failed")], \
        describe(verdict)


def test_values_too_big_to_send_fail_only_their_test():
    tests = {"test_gros.py": """
        from attack import enorme, petit

        def test_enorme():
            assert len(enorme()) == 40_000_000

        def test_petit():
            assert petit() == 1
        """}
    verdict = grade(tests, {"attack.py": "def enorme():\n    return 'x' * 40_000_000\n"
                                          "def petit():\n    return 1\n"})
    assert verdict.status == "ok", describe(verdict)
    assert [(t.name, t.outcome) for t in verdict.tests] == [("test_enorme", "error"),
                                                            ("test_petit", "passed")]


def test_files_the_learner_writes_never_become_code_in_the_tests_sandbox():
    # Modules that would disable every assertion if the tests sandbox ever imported them.
    attack = """
        import os
        EVIL = ("import unittest\\n"
                "unittest.TestCase.assertEqual = lambda *a, **k: None\\n"
                "unittest.TestCase.assertIsInstance = lambda *a, **k: None\\n"
                "unittest.TestCase.assertAlmostEqual = lambda *a, **k: None\\n")
        NAMES = ["difflib", "pprint", "reprlib", "textwrap", "linecache", "tokenize", "inspect",
                 "sitecustomize", "usercustomize", "test_add", "pytest", "gettext", "locale",
                 "string", "fnmatch", "glob", "shutil", "decimal", "fractions", "numbers"]
        os.makedirs("pkg", exist_ok=True)
        for name in NAMES:
            for path in (name + ".py", os.path.join("pkg", name + ".py")):
                with open(path, "w") as f:
                    f.write(EVIL)
        os.symlink("/", "racine")
        def add(a, b):
            with open("late.py", "w") as f:
                f.write(EVIL)
            return [a, b, "not the sum", "x" * 300]
        """
    verdict = grade(TESTS, {"attack.py": attack})
    assert verdict.passed == 0, describe(verdict)
    assert any("!=" in t.message for t in verdict.tests), describe(verdict)
