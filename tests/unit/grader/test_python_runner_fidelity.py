"""The grader agrees with a plain run where sharing one process matters: aliasing of lists,
dicts and sets between the tests and the learner's code, MemoryError as a value, big values."""
import pytest

from tests.unit.grader.test_python_runner_support import (bare_unittest, describe, grade,
                                                          outcomes)

pytestmark = pytest.mark.sandbox

ALIASING_TESTS = {"test_file.py": """
    import unittest
    from file import Queue, Registry, fill, keep_calling


    class AliasingTest(unittest.TestCase):
        def test_popping_changes_the_given_list(self):
            items = [1, 2, 3]
            queue = Queue(items)
            queue.pop()
            self.assertEqual(items, [1, 2, 3])

        def test_the_queue_does_not_see_later_changes(self):
            items = [1, 2]
            queue = Queue(items)
            items.append(3)
            self.assertEqual(len(queue), 2)

        def test_snapshot_is_a_copy(self):
            queue = Queue([5, 6])
            queue.snapshot().clear()
            self.assertEqual(len(queue), 2)

        def test_the_same_internal_list_twice(self):
            queue = Queue([5, 6])
            self.assertIsNot(queue.snapshot(), queue.snapshot())

        def test_dict_and_set_arguments(self):
            names, seen = {}, set()
            registry = Registry(names, seen)
            registry.add("a", 1)
            self.assertEqual((names, seen), ({}, set()))

        def test_nested_lists_keep_their_identity(self):
            rows = [[0], [0]]
            fill(rows, 7)
            self.assertEqual(rows, [[7], [7]])
            self.assertIs(rows[0], rows[0])

        def test_a_callback_changes_what_the_code_holds(self):
            box = []
            self.assertEqual(keep_calling(lambda items: items.append(1), box), 2)
            self.assertEqual(box, [1, 1])
"""}

CORRECT = {"file.py": """
    class Queue:
        def __init__(self, items):
            self._items = list(items)

        def __len__(self):
            return len(self._items)

        def pop(self):
            return self._items.pop(0)

        def snapshot(self):
            return list(self._items)


    class Registry:
        def __init__(self, names, seen):
            self.names, self.seen = dict(names), set(seen)

        def add(self, name, value):
            self.names[name] = value
            self.seen.add(name)


    def fill(rows, value):
        for row in rows:
            row[0] = value


    def keep_calling(callback, items):
        callback(items)
        callback(items)
        return len(items)
"""}

# Keeps and hands out the caller's containers: every aliasing test fails in a plain run.
ALIASED = {"file.py": """
    class Queue:
        def __init__(self, items):
            self._items = items

        def __len__(self):
            return len(self._items)

        def pop(self):
            return self._items.pop(0)

        def snapshot(self):
            return self._items


    class Registry:
        def __init__(self, names, seen):
            self.names, self.seen = names, seen

        def add(self, name, value):
            self.names[name] = value
            self.seen.add(name)


    def fill(rows, value):
        for row in rows:
            row[0] = value


    def keep_calling(callback, items):
        callback(items)
        callback(items)
        return len(items)
"""}


def test_aliasing_matches_a_plain_run():
    for files in (CORRECT, ALIASED):
        verdict = grade(ALIASING_TESTS, files)
        assert verdict.status == "ok", describe(verdict)
        bare = bare_unittest(ALIASING_TESTS, files)
        assert {name: outcome == "passed" for name, outcome in outcomes(verdict).items()} == bare
    assert grade(ALIASING_TESTS, CORRECT).score == 1.0
    assert outcomes(grade(ALIASING_TESTS, ALIASED)) == {
        "AliasingTest.test_popping_changes_the_given_list": "failed",
        "AliasingTest.test_the_queue_does_not_see_later_changes": "failed",
        "AliasingTest.test_snapshot_is_a_copy": "failed",
        "AliasingTest.test_the_same_internal_list_twice": "failed",
        "AliasingTest.test_dict_and_set_arguments": "failed",
        "AliasingTest.test_nested_lists_keep_their_identity": "passed",
        "AliasingTest.test_a_callback_changes_what_the_code_holds": "passed",
    }


MEMORY_TESTS = {"test_file.py": """
    import unittest
    from file import everything, fine


    class MemoryTest(unittest.TestCase):
        def test_too_much_is_refused(self):
            with self.assertRaises(MemoryError):
                everything()

        def test_uncaught(self):
            everything()

        def test_fine(self):
            self.assertEqual(fine(), 3)
"""}


def test_a_memory_error_is_an_exception_like_any_other():
    files = {"file.py": """
        def everything():
            return list(range(10 ** 12))  # refused at once: nothing was really allocated


        def fine():
            return 3
    """}
    verdict = grade(MEMORY_TESTS, files)
    assert verdict.status == "ok", describe(verdict)
    assert outcomes(verdict) == {"MemoryTest.test_too_much_is_refused": "passed",
                                 "MemoryTest.test_uncaught": "error",
                                 "MemoryTest.test_fine": "passed"}
    assert "MemoryError" in {t.name: t for t in verdict.tests}["MemoryTest.test_uncaught"].message


def test_large_lists_cross_both_ways():
    tests = {"test_file.py": """
        import unittest
        from file import double


        class LargeTest(unittest.TestCase):
            def test_a_million_items(self):
                numbers = list(range(1_000_000))
                self.assertEqual(double(numbers)[-1], 1_999_998)
    """}
    verdict = grade(tests, {"file.py": "def double(xs):\n    return [2 * x for x in xs]\n"})
    assert verdict.status == "ok" and verdict.score == 1.0, describe(verdict)


def test_iterators_ranges_causes_stdlib_errors_and_runpy_exits_match_a_plain_run():
    tests = {"test_file.py": """
        import dataclasses
        import itertools
        import runpy
        import unittest
        from file import Point, fail_with_cause, head, take


        class FidelityTest(unittest.TestCase):
            def test_infinite_iterator(self):
                self.assertEqual(take(3, itertools.count(5)), [5, 6, 7])

            def test_rest_of_the_iterator_is_left(self):
                numbers = iter([1, 2, 3])
                take(1, numbers)
                self.assertEqual(next(numbers), 2)

            def test_range_is_a_range(self):
                self.assertEqual(head(range(5)), [0, 1])

            def test_cause(self):
                with self.assertRaises(ValueError) as err:
                    fail_with_cause()
                self.assertIsInstance(err.exception.__cause__, KeyError)

            def test_frozen_dataclass(self):
                with self.assertRaises(dataclasses.FrozenInstanceError):
                    Point(1).x = 2

            def test_runpy_exit_zero(self):
                with self.assertRaises(SystemExit) as exit_:
                    runpy.run_path("file.py", run_name="__main__")
                self.assertEqual(exit_.exception.code, 0)
    """}
    files = {"file.py": """
        import dataclasses
        import sys


        def take(count, iterable):
            out = []
            for item in iterable:
                out.append(item)
                if len(out) == count:
                    break
            return out


        def head(sequence):
            return list(sequence[:2])


        def fail_with_cause():
            try:
                {}["missing"]
            except KeyError as exc:
                raise ValueError("no such key") from exc


        @dataclasses.dataclass(frozen=True)
        class Point:
            x: int


        if __name__ == "__main__":
            sys.exit(0)
    """}
    verdict = grade(tests, files)
    assert verdict.status == "ok" and verdict.score == 1.0, describe(verdict)
    assert {n: o == "passed" for n, o in outcomes(verdict).items()} == bare_unittest(tests, files)


def test_pytest_param_with_an_xfail_mark():
    tests = {"test_file.py": """
        import pytest
        from file import half

        @pytest.mark.parametrize("n,expected", [
            (4, 2), pytest.param(3, 1.5, marks=pytest.mark.xfail(reason="integer halves only"))])
        def test_half(n, expected):
            assert half(n) == expected
    """}
    verdict = grade(tests, {"file.py": "def half(n):\n    return n // 2\n"})
    assert verdict.status == "ok", describe(verdict)
    assert outcomes(verdict) == {"test_half[4-2]": "passed", "test_half[3-1.5]": "passed"}


def test_argv_and_environment_patched_by_the_test_reach_the_learner_code():
    tests = {"test_file.py": """
        import os
        import sys
        import unittest
        from unittest import mock
        from file import arguments, player


        class SharedProcessStateTest(unittest.TestCase):
            def test_argv(self):
                with mock.patch.object(sys, "argv", ["prog", "Amal"]):
                    self.assertEqual(arguments(), ["Amal"])
                self.assertEqual(arguments(), [])

            def test_environment(self):
                with mock.patch.dict(os.environ, {"PLAYER": "Ines"}):
                    self.assertEqual(player(), "Ines")
                self.assertEqual(player(), "anonymous")
    """}
    files = {"file.py": """
        import os
        import sys


        def arguments():
            return sys.argv[1:]


        def player():
            return os.environ.get("PLAYER", "anonymous")
    """}
    verdict = grade(tests, files)
    assert verdict.status == "ok" and verdict.score == 1.0, describe(verdict)


def test_reversed_and_an_eq_without_return_match_a_plain_run():
    tests = {"test_file.py": """
        import unittest
        from file import Bag, Stub


        class ObjectProtocolTest(unittest.TestCase):
            def test_reversed_uses_the_learner_method(self):
                self.assertEqual(list(reversed(Bag([1, 2, 3]))), [3, 2, 1])

            def test_eq_without_return_is_a_failure(self):
                self.assertEqual(Stub(), Stub())
    """}
    files = {"file.py": """
        class Bag:
            def __init__(self, items):
                self.items = list(items)

            def __reversed__(self):
                yield from self.items[::-1]


        class Stub:
            def __eq__(self, other):
                pass
    """}
    verdict = grade(tests, files)
    assert verdict.status == "ok", describe(verdict)
    assert outcomes(verdict) == {"ObjectProtocolTest.test_reversed_uses_the_learner_method": "passed",
                                 "ObjectProtocolTest.test_eq_without_return_is_a_failure": "failed"}


def test_parametrize_ids_are_pytests(tmp_path):
    import subprocess
    import sys
    import textwrap

    source = textwrap.dedent("""
        import enum
        import pytest
        from file import same

        class Colour(enum.Enum):
            RED = 1

        @pytest.mark.parametrize("month", [3, 9])
        @pytest.mark.parametrize("shift", [0, 12])
        def test_stacked(month, shift):
            assert same(month)

        @pytest.mark.parametrize("word", ["été", "a\\tb", "x" * 101, "y" * 100, b"\\xc3"])
        def test_strings(word):
            assert same(word)

        @pytest.mark.parametrize("value", [1, 1, None, 2.5, Colour.RED, len, object()])
        def test_values(value):
            assert same(value)

        @pytest.mark.parametrize("a,b", [(1, 2), (3, 4), (5, 6)], ids=["un", None, "un"])
        def test_explicit(a, b):
            assert same(a)

        @pytest.mark.parametrize("n", [1, 2], ids=lambda n: None if n == 1 else f"n{n}")
        def test_callable(n):
            assert same(n)

        @pytest.mark.parametrize("n", [pytest.param(1, id="ün"), 2])
        def test_param_id(n):
            assert same(n)
    """)
    (tmp_path / "test_file.py").write_text(source, encoding="utf-8")
    (tmp_path / "file.py").write_text("def same(x):\n    return True\n", encoding="utf-8")
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
         "test_file.py"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    expected = [line.split("::", 1)[1] for line in collected.stdout.splitlines()
                if line.startswith("test_file.py::")]
    assert len(expected) == 23, collected.stdout
    verdict = grade({"test_file.py": source}, {"file.py": "def same(x):\n    return True\n"})
    assert verdict.status == "ok", describe(verdict)
    assert [t.name for t in verdict.tests] == expected


def test_warnings_from_learner_code_reach_the_tests_recorders():
    tests = {"test_file.py": """
        import unittest
        import warnings
        import pytest
        from file import old, quiet, strict


        class WarnTest(unittest.TestCase):
            def test_assert_warns(self):
                with self.assertWarns(DeprecationWarning):
                    self.assertEqual(old(2), 4)

            def test_no_warning_expected_but_one_comes(self):
                with warnings.catch_warnings(record=True) as seen:
                    warnings.simplefilter("always")
                    quiet()
                self.assertEqual(seen, [])

            def test_learner_turns_warnings_into_errors(self):
                self.assertEqual(strict(), "caught")


        def test_pytest_warns_with_match():
            with pytest.warns(UserWarning, match="bientôt"):
                old(1)


        def test_pytest_warns_sees_nothing():
            with pytest.warns(UserWarning):
                quiet()
    """}
    files = {"file.py": """
import warnings

class MyWarning(UserWarning):
    pass

def old(x):
    warnings.warn("old() disparaît bientôt", DeprecationWarning)
    warnings.warn("old() disparaît bientôt", MyWarning)
    return 2 * x

def quiet():
    return None

def strict():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            warnings.warn("non")
        except UserWarning:
            return "caught"
    return "not caught"
"""}
    verdict = grade(tests, files)
    assert verdict.status == "ok", describe(verdict)
    assert outcomes(verdict) == {
        "WarnTest.test_assert_warns": "passed",
        "WarnTest.test_no_warning_expected_but_one_comes": "passed",
        "WarnTest.test_learner_turns_warnings_into_errors": "passed",
        "test_pytest_warns_with_match": "passed",
        "test_pytest_warns_sees_nothing": "failed"}


def test_a_warning_nobody_records_is_printed_as_in_a_plain_run():
    tests = {"test_file.py": """
        import unittest
        from file import old


        class WarnTest(unittest.TestCase):
            def test_old(self):
                self.assertEqual(old(), 1)
    """}
    files = {"file.py": "import warnings\n\ndef old():\n    warnings.warn('attention')\n"
                        "    return 1\n"}
    verdict = grade(tests, files)
    assert verdict.score == 1.0, describe(verdict)
    assert "UserWarning: attention" in verdict.output


LOGGING_FILES = {"file.py": """
import logging

log = logging.getLogger("banque")

def retirer(solde, montant):
    if montant > solde:
        log.warning("retrait refusé: %s > %s", montant, solde)
        return solde
    log.info("retrait de %s", montant)
    log.debug("détail")
    return solde - montant
"""}


def test_assert_logs_and_caplog_see_learner_logging():
    tests = {"test_file.py": """
        import logging
        import unittest
        from file import retirer


        class LogTest(unittest.TestCase):
            def test_info_is_logged(self):
                with self.assertLogs("banque", level="INFO") as logs:
                    self.assertEqual(retirer(10, 3), 7)
                self.assertEqual(logs.output, ["INFO:banque:retrait de 3"])

            def test_refusal_is_a_warning(self):
                with self.assertLogs("banque") as logs:
                    retirer(1, 3)
                self.assertEqual(logs.records[0].levelno, logging.WARNING)

            def test_nothing_at_error_level(self):
                with self.assertLogs("banque", level="ERROR"):
                    retirer(10, 3)


        def test_caplog_default_level(caplog):
            retirer(1, 3)
            retirer(10, 3)
            assert caplog.record_tuples == [("banque", logging.WARNING, "retrait refusé: 3 > 1")]


        def test_caplog_set_level(caplog):
            caplog.set_level(logging.DEBUG, logger="banque")
            retirer(10, 3)
            assert caplog.messages == ["retrait de 3", "détail"]
            assert "INFO     banque:file.py" in caplog.text
    """}
    verdict = grade(tests, LOGGING_FILES)
    assert verdict.status == "ok", describe(verdict)
    assert outcomes(verdict) == {"LogTest.test_info_is_logged": "passed",
                                 "LogTest.test_refusal_is_a_warning": "passed",
                                 "LogTest.test_nothing_at_error_level": "failed",
                                 "test_caplog_default_level": "passed",
                                 "test_caplog_set_level": "passed"}


def test_logging_nobody_captures_is_printed_as_in_a_plain_run():
    tests = {"test_file.py": """
        import unittest
        from file import retirer


        class LogTest(unittest.TestCase):
            def test_refusal(self):
                self.assertEqual(retirer(1, 3), 1)
    """}
    verdict = grade(tests, LOGGING_FILES)
    assert verdict.score == 1.0, describe(verdict)
    assert "retrait refusé: 3 > 1" in verdict.output


def test_the_learner_writes_into_the_tests_tmp_path_and_folders():
    tests = {"test_file.py": """
        import os
        from file import save


        def test_report_in_tmp_path(tmp_path):
            path = tmp_path / "notes.txt"
            save(str(path), ["a", "b"])
            assert path.read_text() == "a\\nb\\n"


        def test_folder_made_by_the_test(tmp_path):
            os.makedirs("sorties/2026")
            save("sorties/2026/x.txt", ["x"])
            assert open("sorties/2026/x.txt").read() == "x\\n"
    """}
    files = {"file.py": """
def save(path, lines):
    with open(path, "w") as f:
        f.write("".join(line + "\\n" for line in lines))
"""}
    verdict = grade(tests, files)
    assert verdict.status == "ok" and verdict.score == 1.0, describe(verdict)


def test_type_checks_of_generators_and_functions():
    tests = {"test_file.py": """
        import inspect
        import types
        import unittest
        import file


        class KindTest(unittest.TestCase):
            def test_generator(self):
                self.assertIsInstance(file.count(3), types.GeneratorType)
                self.assertTrue(inspect.isgenerator(file.count(3)))
                self.assertEqual(list(file.count(3)), [0, 1, 2])

            def test_generator_function(self):
                self.assertTrue(inspect.isgeneratorfunction(file.count))
                self.assertFalse(inspect.isgeneratorfunction(file.plain))
                self.assertTrue(inspect.isfunction(file.plain))

            def test_signature(self):
                self.assertEqual(list(inspect.signature(file.plain).parameters), ["a", "b"])

            def test_a_class_named_generator_is_not_one(self):
                self.assertIsInstance(file.fake(), types.GeneratorType)
    """}
    files = {"file.py": """
def count(n):
    yield from range(n)

def plain(a, b=2):
    return a + b

class generator:
    pass

def fake():
    return generator()
"""}
    verdict = grade(tests, files)
    assert verdict.status == "ok", describe(verdict)
    assert outcomes(verdict) == {"KindTest.test_generator": "passed",
                                 "KindTest.test_generator_function": "passed",
                                 "KindTest.test_signature": "passed",
                                 "KindTest.test_a_class_named_generator_is_not_one": "failed"}
