def count_words(sentence):
    counts = {}
    for word in sentence.lower().split():
        word = word.strip(".,!?:&@$%^'")
        counts[word] = counts.get(word, 0) + 1
    return counts
