def fibonacci():
    # a list of the first 50: not a generator, and it runs out
    numbers = [0, 1]
    while len(numbers) < 50:
        numbers.append(numbers[-1] + numbers[-2])
    return iter(numbers)


def countdown(start):
    if start < 0:
        raise ValueError("start must not be negative")
    return list(range(start, 0, -1))


def chunked(iterable, size):
    # this one is a generator, but it yields tuples
    if size < 1:
        raise ValueError("size must be positive")
    chunk = ()
    for item in iterable:
        chunk += (item,)
        if len(chunk) == size:
            yield chunk
            chunk = ()
    if chunk:
        yield chunk


def running_total(numbers):
    totals, total = [], 0
    for number in numbers:
        total += number
        totals.append(total)
    return totals
