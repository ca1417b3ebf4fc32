def bubble_sort(items):
    pass


def remove_duplicates(values):
    pass


def rotate_matrix(matrix):
    pass


def add_items(inventory, items):
    pass
