def take(count, iterable):
    result = []
    for item in iterable:
        if len(result) > count - 1:
            break
        result.append(item)
    return result


def first_even(numbers):
    for number in numbers:
        if number % 2 == 0:
            return number


def pairwise_sums(iterable):
    items = list(iterable)
    for i in range(1, len(items) - 1):
        yield items[i - 1] + items[i]


def total_length(words):
    return sum(len(word) for word in words) + 1
