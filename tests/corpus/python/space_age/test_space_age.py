import math
import unittest

from space_age import SpaceAge, circle_area, mean


class SpaceAgeTest(unittest.TestCase):
    def test_age_on_earth(self):
        self.assertEqual(SpaceAge(1000000000).on_earth(), 31.69)

    def test_age_on_mercury(self):
        self.assertEqual(SpaceAge(2134835688).on_mercury(), 280.88)

    def test_age_on_venus(self):
        self.assertEqual(SpaceAge(189839836).on_venus(), 9.78)

    def test_age_on_mars(self):
        self.assertEqual(SpaceAge(2129871239).on_mars(), 35.88)

    def test_age_on_jupiter(self):
        self.assertEqual(SpaceAge(901876382).on_jupiter(), 2.41)

    def test_age_on_neptune(self):
        self.assertEqual(SpaceAge(1821023456).on_neptune(), 0.35)

    def test_seconds_attribute(self):
        self.assertEqual(SpaceAge(42).seconds, 42)

    def test_result_is_a_float(self):
        self.assertIsInstance(SpaceAge(31557600).on_earth(), float)


class FloatHelpersTest(unittest.TestCase):
    def test_circle_area(self):
        self.assertAlmostEqual(circle_area(2), 12.566370614359172)

    def test_circle_area_places(self):
        self.assertAlmostEqual(circle_area(1.5), 7.0686, places=4)

    def test_circle_area_delta(self):
        self.assertAlmostEqual(circle_area(10), 314.159, delta=0.001)

    def test_circle_area_isclose(self):
        self.assertTrue(math.isclose(circle_area(0.1), 0.031415926535897934, rel_tol=1e-12))

    def test_mean(self):
        self.assertEqual(mean([1, 2, 3, 4]), 2.5)

    def test_mean_of_tenths(self):
        self.assertAlmostEqual(mean([0.1, 0.2, 0.3]), 0.2)

    def test_mean_exact_repr(self):
        self.assertEqual(repr(mean([0.1, 0.2])), "0.15000000000000002")

    def test_mean_of_nothing_is_nan(self):
        self.assertTrue(math.isnan(mean([])))

    def test_mean_of_infinities(self):
        self.assertEqual(mean([math.inf, 1.0]), math.inf)
