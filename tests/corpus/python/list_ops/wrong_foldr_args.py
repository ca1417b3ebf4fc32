def append(list1, list2):
    list1.extend(list2)
    return list1


def concat(lists):
    return [x for items in lists for x in (items if isinstance(items, list) else [items])]


def filter(function, items):
    return [item for item in items if function(item)]


def length(items):
    return len(items)


def map(function, items):
    # calls the function twice per element
    return [function(item) for item in items if function(item) is not None or True]


def foldl(function, items, initial):
    for item in items:
        initial = function(initial, item)
    return initial


def foldr(function, items, initial):
    # folds from the left with the arguments swapped
    for item in items:
        initial = function(item, initial)
    return initial


def reverse(items):
    items.reverse()
    return items
