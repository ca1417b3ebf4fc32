def append(list1, list2):
    return [*list1, *list2]


def concat(lists):
    result = []
    for items in lists:
        for item in items:
            if isinstance(item, list):
                result.extend(item)
            else:
                result.append(item)
    return result


def filter(function, items):
    return [item for item in items if not function(item)]


def length(items):
    return sum(1 for _ in items)


def map(function, items):
    return [function(item) for item in items]


def foldl(function, items, initial):
    accumulator = initial
    for item in items:
        accumulator = function(accumulator, item)
    return accumulator


def foldr(function, items, initial):
    accumulator = initial
    for item in reversed(items):
        accumulator = function(accumulator, item)
    return accumulator


def reverse(items):
    return [x for sub in items[::-1] for x in (sub if isinstance(sub, list) else [sub])]
