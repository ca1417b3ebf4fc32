def equilateral(sides):
    return len(set(sides)) == 1 and sides[0] > 0


def isosceles(sides):
    return len(set(sides)) <= 2


def scalene(sides):
    return len(set(sides)) == 3


def perimeter(sides):
    return round(sum(sides))
