def square(number):
    # float powers lose nothing here, but are floats; the error is an IndexError
    if number < 1 or number > 64:
        raise IndexError("square must be between 1 and 64")
    return 2.0 ** (number - 1)


def total():
    return 2.0 ** 64 - 1
