def factors(value):
    result = ()
    divisor = 2
    while value > 1:
        while value % divisor == 0:
            result += (divisor,)
            value //= divisor
        divisor += 1
        if divisor * divisor > value and value > 1:
            result += (value,)
            break
    return result
