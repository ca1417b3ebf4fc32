import unittest

from recursion import fib, hanoi, power_set, sum_digits


class RecursionTest(unittest.TestCase):
    def test_sum_digits(self):
        self.assertEqual(sum_digits(9045), 18)

    def test_sum_digits_of_zero(self):
        self.assertEqual(sum_digits(0), 0)

    def test_sum_digits_of_a_long_number(self):
        self.assertEqual(sum_digits(int("7" * 800)), 5600)

    def test_hanoi_one_disk(self):
        self.assertEqual(hanoi(1), [("A", "C")])

    def test_hanoi_two_disks(self):
        self.assertEqual(hanoi(2, "A", "B", "C"), [("A", "B"), ("A", "C"), ("B", "C")])

    def test_hanoi_move_count(self):
        for disks in range(1, 11):
            with self.subTest(disks=disks):
                self.assertEqual(len(hanoi(disks)), 2 ** disks - 1)

    def test_hanoi_moves_are_tuples(self):
        self.assertTrue(all(type(move) is tuple for move in hanoi(3)))

    def test_power_set(self):
        self.assertCountEqual(power_set([1, 2]), [[], [1], [2], [1, 2]])

    def test_power_set_size(self):
        self.assertEqual(len(power_set(list(range(12)))), 4096)

    def test_power_set_of_nothing(self):
        self.assertEqual(power_set([]), [[]])

    def test_fib(self):
        self.assertEqual([fib(n) for n in range(10)], [0, 1, 1, 2, 3, 5, 8, 13, 21, 34])

    def test_fib_of_a_large_number_is_fast(self):
        self.assertEqual(fib(200), 280571172992510140037611932413038677189525)

    def test_fib_is_memoised(self):
        fib.cache_clear()
        fib(30)
        self.assertEqual(fib.cache_info().misses, 31)
