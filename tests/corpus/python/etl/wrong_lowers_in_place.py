def transform(legacy_data):
    # lower-cases the letters inside the caller's lists while it works
    result = {}
    for score, letters in legacy_data.items():
        for i, letter in enumerate(letters):
            letters[i] = letter.lower()
            result[letters[i]] = score
    return dict(sorted(result.items()))
