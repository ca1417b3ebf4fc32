import unittest

from prime_factors import factors


class PrimeFactorsTest(unittest.TestCase):
    def test_no_factors(self):
        self.assertEqual(factors(1), [])

    def test_prime_number(self):
        self.assertEqual(factors(2), [2])

    def test_another_prime_number(self):
        self.assertEqual(factors(3), [3])

    def test_square_of_a_prime(self):
        self.assertEqual(factors(9), [3, 3])

    def test_product_of_first_prime(self):
        self.assertEqual(factors(4), [2, 2])

    def test_cube_of_a_prime(self):
        self.assertEqual(factors(8), [2, 2, 2])

    def test_product_of_second_prime(self):
        self.assertEqual(factors(27), [3, 3, 3])

    def test_product_of_primes_and_non_primes(self):
        self.assertEqual(factors(60), [2, 2, 3, 5])

    def test_product_of_primes(self):
        self.assertEqual(factors(901255), [5, 17, 23, 461])

    def test_factors_include_a_large_prime(self):
        self.assertEqual(factors(93819012551), [11, 9539, 894119])

    def test_returns_a_list_not_a_tuple(self):
        self.assertIsInstance(factors(12), list)

    def test_factors_multiply_back(self):
        for number in (2 * 3 * 5 * 7, 1024, 999, 7919):
            with self.subTest(number=number):
                product = 1
                for f in factors(number):
                    product *= f
                self.assertEqual(product, number)
