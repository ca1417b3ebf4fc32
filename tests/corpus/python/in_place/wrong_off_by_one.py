def bubble_sort(items):
    # one pass too few: the first two items may stay swapped
    size = len(items)
    for end in range(size - 1, 1, -1):
        for i in range(end):
            if items[i] > items[i + 1]:
                items[i], items[i + 1] = items[i + 1], items[i]


def remove_duplicates(values):
    removed = 0
    for i in range(len(values) - 1, 0, -1):
        if values[i] in values[:i]:
            del values[i]
            removed += 1
    return removed


def rotate_matrix(matrix):
    # rotates anticlockwise
    rotated = [list(column) for column in zip(*matrix)][::-1]
    for row, new_values in zip(matrix, rotated):
        row[:] = new_values


def add_items(inventory, items):
    for item in items:
        inventory[item] = inventory.setdefault(item, 1)
    return inventory
