import unittest

from list_ops import append, concat, filter as list_filter, foldl, foldr, length
from list_ops import map as list_map, reverse


class ListOpsTest(unittest.TestCase):
    def test_append_empty_lists(self):
        self.assertEqual(append([], []), [])

    def test_append_non_empty_lists(self):
        self.assertEqual(append([1, 2], [2, 3, 4, 5]), [1, 2, 2, 3, 4, 5])

    def test_concat_list_of_lists(self):
        self.assertEqual(concat([[1, 2], [3], [], [4, 5, 6]]), [1, 2, 3, 4, 5, 6])

    def test_concat_list_of_nested_lists(self):
        self.assertEqual(concat([[[1], [2]], [[3]], [[]], [[4, 5, 6]]]),
                         [[1], [2], [3], [], [4, 5, 6]])

    def test_filter_non_empty_list(self):
        self.assertEqual(list_filter(lambda x: x % 2 == 1, [1, 2, 3, 5]), [1, 3, 5])

    def test_length_non_empty_list(self):
        self.assertEqual(length([1, 2, 3, 4]), 4)

    def test_map_non_empty_list(self):
        self.assertEqual(list_map(lambda x: x + 1, [1, 3, 5, 7]), [2, 4, 6, 8])

    def test_map_with_a_named_function(self):
        self.assertEqual(list_map(str.upper, ["a", "b"]), ["A", "B"])

    def test_foldl_direction_independent_function(self):
        self.assertEqual(foldl(lambda acc, el: el + acc, [1, 2, 3, 4], 5), 15)

    def test_foldl_direction_dependent_function(self):
        self.assertEqual(foldl(lambda acc, el: el / acc, [1, 2, 3, 4], 24), 64)

    def test_foldr_direction_dependent_function(self):
        self.assertEqual(foldr(lambda acc, el: el / acc, [1, 2, 3, 4], 24), 9)

    def test_foldr_add_string(self):
        self.assertEqual(foldr(lambda acc, el: el + acc, ["e", "x", "e", "r", "c", "i", "s", "e"],
                               "!"), "exercise!")

    def test_reverse_non_empty_list(self):
        self.assertEqual(reverse([1, 3, 5, 7]), [7, 5, 3, 1])

    def test_reverse_list_of_lists_is_not_flattened(self):
        self.assertEqual(reverse([[1, 2], [3], [], [4, 5, 6]]), [[4, 5, 6], [], [3], [1, 2]])

    def test_callback_errors_reach_the_test(self):
        with self.assertRaises(ZeroDivisionError):
            list_map(lambda x: 1 / x, [1, 0])

    def test_callback_sees_each_element_once(self):
        seen = []
        list_map(seen.append, [1, 2, 3])
        self.assertEqual(seen, [1, 2, 3])

    def test_deep_recursion_is_fine(self):
        self.assertEqual(foldr(lambda acc, el: acc + el, list(range(300)), 0), 44850)
