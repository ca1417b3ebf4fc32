def square(number):
    # 2 ** number, and 64 itself is refused
    if number < 1 or number >= 64:
        raise ValueError("square must be between 1 and 64")
    return 2 ** number


def total():
    return sum(2 ** (n - 1) for n in range(1, 65))
