def primes(limit):
    if limit < 2:
        return []
    marks = [True] * (limit + 1)
    marks[0] = marks[1] = False
    for number in range(2, int(limit ** 0.5) + 1):
        if marks[number]:
            marks[number * number::number] = [False] * len(range(number * number, limit + 1, number))
    return [n for n, is_prime in enumerate(marks) if is_prime]
