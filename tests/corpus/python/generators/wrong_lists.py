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
    items = list(iterable)
    return [items[i:i + size] for i in range(0, len(items), size)]


def running_total(numbers):
    totals, total = [], 0
    for number in numbers:
        total += number
        totals.append(total)
    return totals
