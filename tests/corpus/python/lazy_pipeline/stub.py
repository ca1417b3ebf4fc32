def take(count, iterable):
    pass


def first_even(numbers):
    pass


def pairwise_sums(iterable):
    pass


def total_length(words):
    pass
