def primes(limit):
    # off by one: the limit itself is never included
    marks = [True] * max(limit, 2)
    marks[0] = marks[1] = False
    for number in range(2, limit):
        if marks[number]:
            for multiple in range(number * number, limit, number):
                marks[multiple] = False
    return [n for n, is_prime in enumerate(marks) if is_prime]
