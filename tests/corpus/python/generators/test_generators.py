import inspect
import itertools
import types
import unittest

from generators import chunked, countdown, fibonacci, running_total


class FibonacciTest(unittest.TestCase):
    def test_first_ten(self):
        self.assertEqual(list(itertools.islice(fibonacci(), 10)), [0, 1, 1, 2, 3, 5, 8, 13, 21, 34])

    def test_next_by_next(self):
        numbers = fibonacci()
        self.assertEqual([next(numbers) for _ in range(5)], [0, 1, 1, 2, 3])
        self.assertEqual(next(numbers), 5)

    def test_is_a_generator(self):
        self.assertIsInstance(fibonacci(), types.GeneratorType)

    def test_is_a_generator_function(self):
        self.assertTrue(inspect.isgeneratorfunction(fibonacci))

    def test_big_values(self):
        for index, value in enumerate(fibonacci()):
            if index == 300:
                break
        self.assertEqual(value, 222232244629420445529739893461909967206666939096499764990979600)


class CountdownTest(unittest.TestCase):
    def test_counts_down_to_one(self):
        self.assertEqual(list(countdown(3)), [3, 2, 1])

    def test_nothing_for_zero(self):
        self.assertEqual(list(countdown(0)), [])

    def test_stops(self):
        counter = countdown(1)
        self.assertEqual(next(counter), 1)
        with self.assertRaises(StopIteration):
            next(counter)

    def test_is_lazy(self):
        counter = countdown(10 ** 12)
        self.assertEqual(next(counter), 10 ** 12)

    def test_negative_start_raises_when_started(self):
        counter = countdown(-1)
        with self.assertRaises(ValueError) as err:
            next(counter)
        self.assertEqual(err.exception.args[0], "start must not be negative")


class ChunkedTest(unittest.TestCase):
    def test_even_chunks(self):
        self.assertEqual(list(chunked([1, 2, 3, 4], 2)), [[1, 2], [3, 4]])

    def test_last_chunk_shorter(self):
        self.assertEqual(list(chunked("abcde", 2)), [["a", "b"], ["c", "d"], ["e"]])

    def test_works_on_any_iterable(self):
        self.assertEqual(list(chunked(range(5), 3)), [[0, 1, 2], [3, 4]])

    def test_is_lazy(self):
        chunks = chunked([1, 2, 3, 4, 5], 2)
        self.assertEqual(next(chunks), [1, 2])
        self.assertEqual(next(chunks), [3, 4])

    def test_size_must_be_positive(self):
        with self.assertRaises(ValueError):
            list(chunked([1], 0))


class RunningTotalTest(unittest.TestCase):
    def test_running_total(self):
        self.assertEqual(list(running_total([1, 2, 3, 4])), [1, 3, 6, 10])

    def test_from_a_generator_expression(self):
        self.assertEqual(list(running_total(x * x for x in range(4))), [0, 1, 5, 14])

    def test_empty(self):
        self.assertEqual(list(running_total([])), [])
