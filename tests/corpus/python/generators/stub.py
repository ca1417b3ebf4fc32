def fibonacci():
    pass


def countdown(start):
    pass


def chunked(iterable, size):
    pass


def running_total(numbers):
    pass
