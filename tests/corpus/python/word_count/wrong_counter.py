import re
from collections import Counter


def count_words(sentence):
    # a Counter is a dict: this one is right (and keeps first-appearance order)
    return Counter(re.findall(r"[a-z0-9]+(?:'[a-z]+)?", sentence.lower())) if sentence else None
