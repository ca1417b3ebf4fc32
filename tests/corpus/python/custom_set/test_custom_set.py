import unittest

from custom_set import CustomSet


class CustomSetTest(unittest.TestCase):
    def test_sets_with_no_elements_are_empty(self):
        self.assertIs(CustomSet().isempty(), True)

    def test_sets_with_elements_are_not_empty(self):
        self.assertIs(CustomSet([1]).isempty(), False)

    def test_nothing_is_contained_in_an_empty_set(self):
        self.assertNotIn(1, CustomSet())

    def test_when_the_element_is_in_the_set(self):
        self.assertIn(1, CustomSet([1, 2, 3]))

    def test_when_the_element_is_not_in_the_set(self):
        self.assertNotIn(4, CustomSet([1, 2, 3]))

    def test_empty_set_is_a_subset_of_another_empty_set(self):
        self.assertIs(CustomSet().issubset(CustomSet()), True)

    def test_set_is_a_subset_of_larger_set_with_same_elements(self):
        self.assertIs(CustomSet([1, 2, 3]).issubset(CustomSet([4, 1, 2, 3])), True)

    def test_set_is_not_a_subset_of_set_that_does_not_contain_its_elements(self):
        self.assertIs(CustomSet([1, 2, 3]).issubset(CustomSet([4, 1, 3])), False)

    def test_empty_set_is_disjoint_with_non_empty_set(self):
        self.assertIs(CustomSet().isdisjoint(CustomSet([1])), True)

    def test_sets_are_not_disjoint_if_they_share_an_element(self):
        self.assertIs(CustomSet([1, 2]).isdisjoint(CustomSet([2, 3])), False)

    def test_sets_with_the_same_elements_are_equal(self):
        self.assertEqual(CustomSet([1, 2]), CustomSet([2, 1]))

    def test_sets_with_different_elements_are_not_equal(self):
        self.assertNotEqual(CustomSet([1, 2, 3]), CustomSet([1, 2, 4]))

    def test_set_is_not_equal_to_larger_set_with_same_elements(self):
        self.assertNotEqual(CustomSet([1, 2, 3]), CustomSet([1, 2, 3, 4]))

    def test_set_with_duplicated_elements_is_equal_to_same_set_without(self):
        self.assertEqual(CustomSet([1, 1, 2]), CustomSet([1, 2]))

    def test_add_to_non_empty_set(self):
        custom_set = CustomSet([1, 2, 4])
        custom_set.add(3)
        self.assertEqual(custom_set, CustomSet([1, 2, 3, 4]))

    def test_adding_an_existing_element_does_not_change_the_set(self):
        custom_set = CustomSet([1, 2, 3])
        custom_set.add(3)
        self.assertEqual(len(custom_set), 3)

    def test_intersection_of_two_sets_with_shared_elements(self):
        self.assertEqual(CustomSet([1, 2, 3, 4]).intersection(CustomSet([3, 2, 5])),
                         CustomSet([2, 3]))

    def test_difference_with_minus(self):
        self.assertEqual(CustomSet([3, 2, 1]) - CustomSet([2, 4]), CustomSet([1, 3]))

    def test_union_with_plus(self):
        self.assertEqual(CustomSet([1, 3]) + CustomSet([2, 3]), CustomSet([3, 2, 1]))

    def test_iterating_gives_each_element_once(self):
        self.assertCountEqual(list(CustomSet([3, 1, 3, 2])), [1, 2, 3])

    def test_length(self):
        self.assertEqual(len(CustomSet("abca")), 3)

    def test_operations_do_not_change_the_operands(self):
        first, second = CustomSet([1, 2]), CustomSet([2, 3])
        first + second
        first - second
        self.assertEqual((len(first), len(second)), (2, 2))
