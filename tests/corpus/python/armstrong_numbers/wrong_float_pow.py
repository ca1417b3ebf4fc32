import math


def is_armstrong_number(number):
    # float arithmetic: fine for small numbers, wrong for big ones
    digits = [int(d) for d in str(number)]
    return math.isclose(sum(math.pow(d, len(digits)) for d in digits), number, rel_tol=0) \
        and number < 10 ** 15
