def equilateral(sides):
    # "and" returns its last operand: a number, not a bool
    a, b, c = sorted(sides)
    return a + b >= c and a == c and a


def isosceles(sides):
    a, b, c = sorted(sides)
    return a > 0 and a + b >= c and (a == b or b == c)


def scalene(sides):
    a, b, c = sorted(sides)
    return a > 0 and a + b >= c and a != b != c


def perimeter(sides):
    a, b, c = sorted(sides)
    if a + b < c:
        raise ValueError("Not a triangle")
    return a + b + c
