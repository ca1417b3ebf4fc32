def bubble_sort(items):
    size = len(items)
    for end in range(size - 1, 0, -1):
        for i in range(end):
            if items[i] > items[i + 1]:
                items[i], items[i + 1] = items[i + 1], items[i]


def remove_duplicates(values):
    seen = set()
    kept = []
    for value in values:
        if value not in seen:
            seen.add(value)
            kept.append(value)
    removed = len(values) - len(kept)
    values[:] = kept
    return removed


def rotate_matrix(matrix):
    rotated = [list(column)[::-1] for column in zip(*matrix)]
    for row, new_values in zip(matrix, rotated):
        row[:] = new_values


def add_items(inventory, items):
    for item in items:
        inventory[item] = inventory.get(item, 0) + 1
    return inventory
