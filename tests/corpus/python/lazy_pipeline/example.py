def take(count, iterable):
    result = []
    if count <= 0:
        return result
    for item in iterable:
        result.append(item)
        if len(result) == count:
            break
    return result


def first_even(numbers):
    for number in numbers:
        if number % 2 == 0:
            return number
    return None


def pairwise_sums(iterable):
    iterator = iter(iterable)
    previous = next(iterator, None)
    for item in iterator:
        yield previous + item
        previous = item


def total_length(words):
    return sum(len(word) for word in words)
