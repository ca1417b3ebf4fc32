def steps(number):
    # "/" makes floats and the zero case loops into an exception of the wrong type
    if number == 0:
        raise Exception("Only positive integers are allowed")
    if number < 0:
        raise ValueError("Only positive integers are allowed")
    count = 0
    while number != 1:
        number = number / 2 if number % 2 == 0 else 3 * number + 1
        count += 1
    return count
