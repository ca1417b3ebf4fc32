import unittest

from clock import Clock


class ClockCreationTest(unittest.TestCase):
    def test_on_the_hour(self):
        self.assertEqual(str(Clock(8, 0)), "08:00")

    def test_past_the_hour(self):
        self.assertEqual(str(Clock(11, 9)), "11:09")

    def test_midnight_is_zero_hours(self):
        self.assertEqual(str(Clock(24, 0)), "00:00")

    def test_hour_rolls_over_continuously(self):
        self.assertEqual(str(Clock(100, 0)), "04:00")

    def test_sixty_minutes_is_next_hour(self):
        self.assertEqual(str(Clock(1, 60)), "02:00")

    def test_minutes_roll_over_continuously(self):
        self.assertEqual(str(Clock(0, 1723)), "04:43")

    def test_negative_hour(self):
        self.assertEqual(str(Clock(-1, 15)), "23:15")

    def test_negative_minutes_roll_over_continuously(self):
        self.assertEqual(str(Clock(1, -4820)), "16:40")

    def test_negative_hour_and_minutes_both_roll_over(self):
        self.assertEqual(str(Clock(-25, -160)), "20:20")

    def test_formatted_in_a_sentence(self):
        self.assertEqual(f"Il est {Clock(9, 5)}.", "Il est 09:05.")


class ClockReprTest(unittest.TestCase):
    def test_repr(self):
        self.assertEqual(repr(Clock(8, 0)), "Clock(8, 0)")

    def test_repr_normalised(self):
        self.assertEqual(repr(Clock(25, 61)), "Clock(2, 1)")


class ClockArithmeticTest(unittest.TestCase):
    def test_add_minutes(self):
        self.assertEqual(str(Clock(10, 0) + 3), "10:03")

    def test_add_across_midnight(self):
        self.assertEqual(str(Clock(23, 59) + 2), "00:01")

    def test_add_more_than_one_day(self):
        self.assertEqual(str(Clock(5, 32) + 1500), "06:32")

    def test_subtract_minutes(self):
        self.assertEqual(str(Clock(10, 3) - 3), "10:00")

    def test_subtract_across_midnight(self):
        self.assertEqual(str(Clock(0, 3) - 4), "23:59")

    def test_add_does_not_change_the_clock(self):
        clock = Clock(10, 0)
        later = clock + 30
        self.assertEqual(str(clock), "10:00")
        self.assertEqual(str(later), "10:30")


class ClockEqualityTest(unittest.TestCase):
    def test_clocks_with_same_time(self):
        self.assertEqual(Clock(15, 37), Clock(15, 37))

    def test_clocks_a_minute_apart(self):
        self.assertNotEqual(Clock(15, 36), Clock(15, 37))

    def test_clocks_with_hour_overflow(self):
        self.assertEqual(Clock(10, 37), Clock(34, 37))

    def test_clocks_with_negative_hours_and_minutes(self):
        self.assertEqual(Clock(7, 32), Clock(-12, -268))

    def test_clock_is_not_equal_to_a_string(self):
        self.assertNotEqual(Clock(8, 0), "08:00")

    def test_clocks_in_a_set(self):
        self.assertEqual(len({Clock(1, 0), Clock(25, 0), Clock(2, 0)}), 2)
