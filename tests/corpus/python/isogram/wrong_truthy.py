def is_isogram(string):
    # returns a count instead of a bool: falsy/truthy but not True/False
    letters = [c.lower() for c in string if c.isalpha()]
    return len(letters) - len(set(letters)) == 0 and len(set(letters)) or not letters
