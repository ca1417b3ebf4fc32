def find_anagrams(word, candidates):
    # filters the caller's list in place and returns it
    key = sorted(word.lower())
    for c in list(candidates):
        if c.lower() == word.lower() or sorted(c.lower()) != key:
            candidates.remove(c)
    return candidates
