def flatten(iterable):
    # one level only, and it empties the nested lists it reads
    result = []
    for item in iterable:
        if isinstance(item, list):
            while item:
                value = item.pop(0)
                if value is not None:
                    result.append(value)
        elif item is not None:
            result.append(item)
    return result
