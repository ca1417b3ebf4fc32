import itertools
import unittest

from lazy_pipeline import first_even, pairwise_sums, take, total_length


class Countdown:
    """An iterator class written in the test: the function must accept any iterable."""

    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


class TakeTest(unittest.TestCase):
    def test_from_a_list(self):
        self.assertEqual(take(2, [5, 6, 7]), [5, 6])

    def test_more_than_available(self):
        self.assertEqual(take(5, "abc"), ["a", "b", "c"])

    def test_from_a_range(self):
        self.assertEqual(take(3, range(10, 20)), [10, 11, 12])

    def test_from_a_generator_expression(self):
        self.assertEqual(take(2, (n * n for n in range(5))), [0, 1])

    def test_from_a_map_object(self):
        self.assertEqual(take(2, map(str.upper, ["x", "y", "z"])), ["X", "Y"])

    def test_from_dict_keys(self):
        self.assertEqual(take(2, {"a": 1, "b": 2, "c": 3}.keys()), ["a", "b"])

    def test_from_an_iterator_class(self):
        self.assertEqual(take(2, Countdown(5)), [5, 4])

    def test_from_an_infinite_iterator(self):
        self.assertEqual(take(4, itertools.count(7)), [7, 8, 9, 10])

    def test_leaves_the_rest_of_the_iterator(self):
        numbers = iter([1, 2, 3, 4])
        self.assertEqual(take(2, numbers), [1, 2])
        self.assertEqual(next(numbers), 3)


class OtherConsumersTest(unittest.TestCase):
    def test_first_even_of_a_list(self):
        self.assertEqual(first_even([1, 3, 4, 6]), 4)

    def test_first_even_stops_early(self):
        seen = []

        def numbers():
            for n in (1, 2, 3, 4):
                seen.append(n)
                yield n

        self.assertEqual(first_even(numbers()), 2)
        self.assertEqual(seen, [1, 2])

    def test_first_even_of_an_infinite_iterator(self):
        self.assertEqual(first_even(itertools.count(11)), 12)

    def test_first_even_none(self):
        self.assertIsNone(first_even(iter([1, 3])))

    def test_pairwise_sums(self):
        self.assertEqual(list(pairwise_sums([1, 2, 3, 4])), [3, 5, 7])

    def test_pairwise_sums_of_a_generator(self):
        self.assertEqual(list(pairwise_sums(n for n in (10, 20, 30))), [30, 50])

    def test_total_length_of_a_set(self):
        self.assertEqual(total_length({"ab", "cde"}), 5)

    def test_total_length_of_a_generator(self):
        self.assertEqual(total_length(word for word in "un deux trois".split()), 11)
