def bubble_sort(items):
    # sorts a copy and returns it: the caller's list is unchanged
    return sorted(items)


def remove_duplicates(values):
    values = list(dict.fromkeys(values))
    return len(values)


def rotate_matrix(matrix):
    # replaces the rows with new lists: equal values, new row objects
    matrix[:] = [list(column)[::-1] for column in zip(*matrix)]


def add_items(inventory, items):
    result = dict(inventory)
    for item in items:
        result[item] = result.get(item, 0) + 1
    return result
