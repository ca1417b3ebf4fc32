import unittest

from word_count import count_words


class WordCountTest(unittest.TestCase):
    def test_count_one_word(self):
        self.assertEqual(count_words("word"), {"word": 1})

    def test_count_one_of_each_word(self):
        self.assertEqual(count_words("one of each"), {"one": 1, "of": 1, "each": 1})

    def test_multiple_occurrences_of_a_word(self):
        self.assertEqual(count_words("one fish two fish red fish blue fish"),
                         {"one": 1, "fish": 4, "two": 1, "red": 1, "blue": 1})

    def test_handles_cramped_lists(self):
        self.assertEqual(count_words("one,two,three"), {"one": 1, "two": 1, "three": 1})

    def test_handles_expanded_lists(self):
        self.assertEqual(count_words("one,\ntwo,\nthree"), {"one": 1, "two": 1, "three": 1})

    def test_ignore_punctuation(self):
        self.assertEqual(count_words("car: carpet as java: javascript!!&@$%^&"),
                         {"car": 1, "carpet": 1, "as": 1, "java": 1, "javascript": 1})

    def test_include_numbers(self):
        self.assertEqual(count_words("testing, 1, 2 testing"), {"testing": 2, "1": 1, "2": 1})

    def test_normalize_case(self):
        self.assertEqual(count_words("go Go GO Stop stop"), {"go": 3, "stop": 2})

    def test_with_apostrophes(self):
        self.assertEqual(count_words("'First: don't laugh. Then: don't cry. You're getting it.'"),
                         {"first": 1, "don't": 2, "laugh": 1, "then": 1, "cry": 1, "you're": 1,
                          "getting": 1, "it": 1})

    def test_with_quotations(self):
        self.assertEqual(count_words("Joe can't tell between 'large' and large."),
                         {"joe": 1, "can't": 1, "tell": 1, "between": 1, "large": 2, "and": 1})

    def test_multiple_spaces_not_detected_as_a_word(self):
        self.assertEqual(count_words(" multiple   whitespaces"), {"multiple": 1, "whitespaces": 1})

    def test_words_in_order_of_first_appearance(self):
        self.assertEqual(list(count_words("b a c b a d")), ["b", "a", "c", "d"])

    def test_empty_text(self):
        self.assertEqual(count_words(""), {})

    def test_counts_are_ints(self):
        counts = count_words("a a b")
        self.assertEqual(sorted(counts.items()), [("a", 2), ("b", 1)])
        self.assertTrue(all(type(n) is int for n in counts.values()))
