import unittest

from sieve import primes


class SieveTest(unittest.TestCase):
    def test_no_primes_under_two(self):
        self.assertEqual(primes(1), [])

    def test_find_first_prime(self):
        self.assertEqual(primes(2), [2])

    def test_find_primes_up_to_10(self):
        self.assertEqual(primes(10), [2, 3, 5, 7])

    def test_limit_is_prime(self):
        self.assertEqual(primes(13), [2, 3, 5, 7, 11, 13])

    def test_find_primes_up_to_1000(self):
        expected = [p for p in range(2, 1001) if all(p % d for d in range(2, int(p ** 0.5) + 1))]
        self.assertEqual(primes(1000), expected)

    def test_many_primes(self):
        result = primes(100000)
        self.assertEqual(len(result), 9592)
        self.assertEqual(result[-1], 99991)

    def test_square_of_a_prime_is_not_prime(self):
        self.assertNotIn(49, primes(50))
        self.assertIn(47, primes(50))
