import unittest

from anagram import find_anagrams


class AnagramTest(unittest.TestCase):
    def test_no_matches(self):
        self.assertEqual(find_anagrams("diaper", ["hello", "world", "zombies", "pants"]), [])

    def test_detects_two_anagrams(self):
        self.assertCountEqual(find_anagrams("solemn", ["lemons", "cherry", "melons"]),
                              ["lemons", "melons"])

    def test_does_not_detect_anagram_subsets(self):
        self.assertEqual(find_anagrams("good", ["dog", "goody"]), [])

    def test_detects_anagram(self):
        self.assertEqual(find_anagrams("listen", ["enlists", "google", "inlets", "banana"]),
                         ["inlets"])

    def test_detects_three_anagrams(self):
        candidates = ["gallery", "ballerina", "regally", "clergy", "largely", "leading"]
        self.assertCountEqual(find_anagrams("allergy", candidates),
                              ["gallery", "regally", "largely"])

    def test_detects_anagrams_case_insensitively(self):
        self.assertEqual(find_anagrams("Orchestra", ["cashregister", "Carthorse", "radishes"]),
                         ["Carthorse"])

    def test_does_not_detect_a_word_as_its_own_anagram(self):
        self.assertEqual(find_anagrams("BANANA", ["Banana"]), [])

    def test_words_other_than_themselves_can_be_anagrams(self):
        self.assertEqual(find_anagrams("LISTEN", ["LISTEN", "Silent"]), ["Silent"])

    def test_keeps_the_order_of_candidates(self):
        self.assertEqual(find_anagrams("stop", ["pots", "tops", "opts", "spot"]),
                         ["pots", "tops", "opts", "spot"])

    def test_does_not_change_the_candidates(self):
        candidates = ["tan", "stand", "at"]
        find_anagrams("nat", candidates)
        self.assertEqual(candidates, ["tan", "stand", "at"])

    def test_each_case(self):
        cases = [("abc", ["cab", "bca", "abcd"], ["cab", "bca"]),
                 ("Ab", ["ba", "BA", "ab"], ["ba", "BA"]),
                 ("x", ["X", "x", "y"], [])]
        for word, candidates, expected in cases:
            with self.subTest(word=word):
                self.assertCountEqual(find_anagrams(word, candidates), expected)
