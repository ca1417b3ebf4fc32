import unittest

from in_place import add_items, bubble_sort, remove_duplicates, rotate_matrix


class BubbleSortTest(unittest.TestCase):
    def test_sorts_the_list_it_is_given(self):
        numbers = [5, 2, 9, 1]
        bubble_sort(numbers)
        self.assertEqual(numbers, [1, 2, 5, 9])

    def test_returns_none(self):
        self.assertIsNone(bubble_sort([3, 1]))

    def test_keeps_the_same_list(self):
        numbers = [3, 1, 2]
        alias = numbers
        bubble_sort(numbers)
        self.assertIs(alias, numbers)
        self.assertEqual(alias, [1, 2, 3])

    def test_strings(self):
        words = ["pear", "apple", "fig"]
        bubble_sort(words)
        self.assertEqual(words, ["apple", "fig", "pear"])

    def test_list_inside_a_dict(self):
        data = {"scores": [3, 2, 1]}
        bubble_sort(data["scores"])
        self.assertEqual(data, {"scores": [1, 2, 3]})


class RemoveDuplicatesTest(unittest.TestCase):
    def test_removes_in_place_keeping_first_occurrences(self):
        values = [1, 2, 1, 3, 2]
        remove_duplicates(values)
        self.assertEqual(values, [1, 2, 3])

    def test_returns_how_many_were_removed(self):
        self.assertEqual(remove_duplicates(["a", "a", "a"]), 2)


class RotateMatrixTest(unittest.TestCase):
    def test_rotates_clockwise_in_place(self):
        matrix = [[1, 2], [3, 4]]
        rotate_matrix(matrix)
        self.assertEqual(matrix, [[3, 1], [4, 2]])

    def test_three_by_three(self):
        matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
        rotate_matrix(matrix)
        self.assertEqual(matrix, [[7, 4, 1], [8, 5, 2], [9, 6, 3]])

    def test_rows_stay_the_same_objects(self):
        matrix = [[1, 2], [3, 4]]
        first_row = matrix[0]
        rotate_matrix(matrix)
        self.assertIs(matrix[0], first_row)
        self.assertEqual(first_row, [3, 1])


class AddItemsTest(unittest.TestCase):
    def test_adds_new_items(self):
        inventory = {"wood": 1}
        add_items(inventory, ["iron", "wood"])
        self.assertEqual(inventory, {"wood": 2, "iron": 1})

    def test_returns_the_same_dict(self):
        inventory = {}
        result = add_items(inventory, ["gold"])
        self.assertIs(result, inventory)
        self.assertEqual(result, {"gold": 1})

    def test_nested_inventory_left_alone(self):
        inventory = {"tools": {"axe": 1}}
        add_items(inventory, ["rope"])
        self.assertEqual(inventory, {"tools": {"axe": 1}, "rope": 1})
