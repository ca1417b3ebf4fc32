def append(list1, list2):
    return list1 + list2


def concat(lists):
    result = []
    for items in lists:
        result = append(result, items)
    return result


def filter(function, items):
    return [item for item in items if function(item)]


def length(items):
    count = 0
    for _ in items:
        count += 1
    return count


def map(function, items):
    return [function(item) for item in items]


def foldl(function, items, initial):
    accumulator = initial
    for item in items:
        accumulator = function(accumulator, item)
    return accumulator


def foldr(function, items, initial):
    if not items:
        return initial
    return function(foldr(function, items[1:], initial), items[0])


def reverse(items):
    return items[::-1]
