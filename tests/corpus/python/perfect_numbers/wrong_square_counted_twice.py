def classify(number):
    if number < 1:
        raise ValueError("Classification is only possible for positive integers.")
    total = 0
    divisor = 1
    while divisor * divisor <= number:
        if number % divisor == 0:
            total += divisor + number // divisor
        divisor += 1
    aliquot = total - number
    if aliquot == number:
        return "perfect"
    return "abundant" if aliquot > number else "deficient"
