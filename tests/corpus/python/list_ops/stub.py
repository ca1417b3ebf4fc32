def append(list1, list2):
    pass


def concat(lists):
    pass


def filter(function, items):
    pass


def length(items):
    pass


def map(function, items):
    pass


def foldl(function, items, initial):
    pass


def foldr(function, items, initial):
    pass


def reverse(items):
    pass
