def flatten(iterable):
    result = []
    for item in iterable:
        if isinstance(item, list):
            result += flatten(item)
        else:
            result.append(item)
    return result
