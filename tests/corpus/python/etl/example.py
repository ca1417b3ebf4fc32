def transform(legacy_data):
    pairs = ((letter.lower(), score) for score, letters in legacy_data.items() for letter in letters)
    return dict(sorted(pairs))
