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
