import unittest

from linked_list import LinkedList


class LinkedListTest(unittest.TestCase):
    def test_pop_gets_element_from_the_list(self):
        lst = LinkedList()
        lst.push(7)
        self.assertEqual(lst.pop(), 7)

    def test_push_pop_respectively_add_remove_at_the_end_of_the_list(self):
        lst = LinkedList()
        lst.push(11)
        lst.push(13)
        self.assertEqual(lst.pop(), 13)
        self.assertEqual(lst.pop(), 11)

    def test_shift_gets_an_element_from_the_list(self):
        lst = LinkedList()
        lst.push(17)
        self.assertEqual(lst.shift(), 17)

    def test_shift_gets_first_element_from_the_list(self):
        lst = LinkedList()
        lst.push(23)
        lst.push(5)
        self.assertEqual(lst.shift(), 23)
        self.assertEqual(lst.shift(), 5)

    def test_unshift_adds_element_at_start_of_the_list(self):
        lst = LinkedList()
        lst.unshift(23)
        lst.unshift(5)
        self.assertEqual(lst.shift(), 5)
        self.assertEqual(lst.shift(), 23)

    def test_count_an_empty_list(self):
        self.assertEqual(len(LinkedList()), 0)

    def test_count_a_list_with_items(self):
        lst = LinkedList()
        lst.push(37)
        lst.push(1)
        self.assertEqual(len(lst), 2)

    def test_deletes_the_only_element(self):
        lst = LinkedList()
        lst.push(61)
        lst.delete(61)
        self.assertEqual(len(lst), 0)

    def test_deletes_only_the_first_occurrence(self):
        lst = LinkedList()
        for value in (73, 9, 9, 107):
            lst.push(value)
        lst.delete(9)
        self.assertEqual(list(lst), [73, 9, 107])

    def test_iterates_in_order(self):
        lst = LinkedList()
        for value in (1, 2, 3):
            lst.push(value)
        self.assertEqual([value * 10 for value in lst], [10, 20, 30])

    def test_iterating_twice(self):
        lst = LinkedList()
        lst.push("a")
        lst.push("b")
        self.assertEqual((list(lst), list(lst)), (["a", "b"], ["a", "b"]))

    def test_reversed(self):
        lst = LinkedList()
        for value in (1, 2, 3):
            lst.push(value)
        self.assertEqual(list(reversed(lst)), [3, 2, 1])

    def test_using_pop_raises_an_error_if_the_list_is_empty(self):
        lst = LinkedList()
        with self.assertRaises(IndexError) as err:
            lst.pop()
        self.assertEqual(type(err.exception), IndexError)
        self.assertEqual(err.exception.args[0], "List is empty")

    def test_using_shift_raises_an_error_if_the_list_is_empty(self):
        lst = LinkedList()
        with self.assertRaises(IndexError) as err:
            lst.shift()
        self.assertEqual(err.exception.args[0], "List is empty")

    def test_deleting_a_missing_value_raises_an_error(self):
        lst = LinkedList()
        lst.push(1)
        with self.assertRaises(ValueError) as err:
            lst.delete(2)
        self.assertEqual(err.exception.args[0], "Value not found")

    def test_many_items(self):
        lst = LinkedList()
        for value in range(2000):
            lst.push(value)
        self.assertEqual(sum(lst), 1999000)
        self.assertEqual(len(lst), 2000)
