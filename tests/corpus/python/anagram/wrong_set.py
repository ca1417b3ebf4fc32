def find_anagrams(word, candidates):
    # a set: loses order and duplicates; compares unequal to a list
    key = sorted(word.lower())
    return {c for c in candidates if c.lower() != word.lower() and sorted(c.lower()) == key}
