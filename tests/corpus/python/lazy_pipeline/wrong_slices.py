def take(count, iterable):
    # slicing needs a sequence: fails on generators, maps, dict views, iterators
    return list(iterable[:count])


def first_even(numbers):
    # no default: StopIteration when there is no even number
    return next(n for n in numbers if n % 2 == 0)


def pairwise_sums(iterable):
    return [iterable[i] + iterable[i + 1] for i in range(len(iterable) - 1)]


def total_length(words):
    return len("".join(words))
