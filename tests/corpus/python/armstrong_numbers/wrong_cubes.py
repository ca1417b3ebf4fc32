def is_armstrong_number(number):
    # always cubes the digits
    return sum(int(d) ** 3 for d in str(number)) == number
