def fibonacci():
    current, following = 0, 1
    while True:
        yield current
        current, following = following, current + following


def countdown(start):
    if start < 0:
        raise ValueError("start must not be negative")
    while start > 0:
        yield start
        start -= 1


def chunked(iterable, size):
    if size < 1:
        raise ValueError("size must be positive")
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def running_total(numbers):
    total = 0
    for number in numbers:
        total += number
        yield total
