import unittest

from etl import transform


class EtlTest(unittest.TestCase):
    def test_single_letter(self):
        self.assertEqual(transform({1: ["A"]}), {"a": 1})

    def test_single_score_with_multiple_letters(self):
        self.assertEqual(transform({1: ["A", "E", "I", "O", "U"]}),
                         {"a": 1, "e": 1, "i": 1, "o": 1, "u": 1})

    def test_multiple_scores_with_multiple_letters(self):
        self.assertEqual(transform({1: ["A", "E"], 2: ["D", "G"]}),
                         {"a": 1, "d": 2, "e": 1, "g": 2})

    def test_multiple_scores_with_differing_numbers_of_letters(self):
        legacy = {1: ["A", "E", "I", "O", "U", "L", "N", "R", "S", "T"], 2: ["D", "G"],
                  3: ["B", "C", "M", "P"], 4: ["F", "H", "V", "W", "Y"], 5: ["K"],
                  8: ["J", "X"], 10: ["Q", "Z"]}
        result = transform(legacy)
        self.assertEqual(len(result), 26)
        self.assertEqual(result["q"], 10)
        self.assertEqual(sum(result.values()), 87)

    def test_keys_are_sorted(self):
        self.assertEqual(list(transform({2: ["D", "B"], 1: ["C", "A"]})), ["a", "b", "c", "d"])

    def test_input_is_not_changed(self):
        legacy = {1: ["A", "E"], 2: ["D"]}
        transform(legacy)
        self.assertEqual(legacy, {1: ["A", "E"], 2: ["D"]})

    def test_empty(self):
        self.assertEqual(transform({}), {})
