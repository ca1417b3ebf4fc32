import unittest

from flatten_array import flatten


class FlattenArrayTest(unittest.TestCase):
    def test_empty(self):
        self.assertEqual(flatten([]), [])

    def test_no_nesting(self):
        self.assertEqual(flatten([0, 1, 2]), [0, 1, 2])

    def test_flattens_a_nested_array(self):
        self.assertEqual(flatten([[[]]]), [])

    def test_flattens_array_with_just_integers_present(self):
        self.assertEqual(flatten([1, [2, 3, 4, 5, 6, 7], 8]), [1, 2, 3, 4, 5, 6, 7, 8])

    def test_5_level_nesting(self):
        self.assertEqual(flatten([0, 2, [[2, 3], 8, 100, 4, [[[50]]]], -2]),
                         [0, 2, 2, 3, 8, 100, 4, 50, -2])

    def test_6_level_nesting(self):
        self.assertEqual(flatten([1, [2, [[3]], [4, [[5]]], 6, 7], 8]), [1, 2, 3, 4, 5, 6, 7, 8])

    def test_null_values_are_omitted_from_the_final_result(self):
        self.assertEqual(flatten([1, 2, None]), [1, 2])

    def test_consecutive_null_values_at_the_front_of_the_list_are_omitted(self):
        self.assertEqual(flatten([None, None, 3]), [3])

    def test_6_level_nested_list_with_null_values(self):
        self.assertEqual(flatten([0, 2, [[2, 3], 8, [[100]], None, [[None]]], -2]),
                         [0, 2, 2, 3, 8, 100, -2])

    def test_all_values_in_nested_list_are_null(self):
        self.assertEqual(flatten([None, [[[None]]], None, None, [[None, None], None], None]), [])

    def test_strings_are_values(self):
        self.assertEqual(flatten(["ab", ["cd", ["ef"]]]), ["ab", "cd", "ef"])

    def test_deep_nesting(self):
        nested = [42]
        for _ in range(60):
            nested = [nested, 1]
        self.assertEqual(flatten(nested), [42] + [1] * 60)

    def test_input_is_not_changed(self):
        nested = [1, [2, [3]]]
        flatten(nested)
        self.assertEqual(nested, [1, [2, [3]]])
