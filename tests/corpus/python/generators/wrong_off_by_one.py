def fibonacci():
    current, following = 1, 1
    while True:
        yield current
        current, following = following, current + following


def countdown(start):
    if start < 0:
        raise ValueError("start must not be negative")
    while start >= 0:
        yield start
        start -= 1


def chunked(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []


def running_total(numbers):
    total = 0
    for number in numbers:
        yield total
        total += number
