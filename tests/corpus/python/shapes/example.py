import math
from dataclasses import dataclass


class ShapeError(ValueError):
    def __init__(self, message, value):
        super().__init__(message)
        self.value = value


class Shape:
    name = "shape"

    def area(self):
        raise NotImplementedError

    def describe(self):
        return f"{self.name} of area {self.area():.2f}"

    def __lt__(self, other):
        return self.area() < other.area()


class Circle(Shape):
    name = "circle"

    def __init__(self, radius):
        if radius <= 0:
            raise ShapeError("radius must be positive", radius)
        self.radius = radius

    def area(self):
        return math.pi * self.radius ** 2


class Rectangle(Shape):
    name = "rectangle"

    def __init__(self, width, height):
        if width <= 0 or height <= 0:
            raise ShapeError("sides must be positive", (width, height))
        self.width, self.height = width, height

    def area(self):
        return self.width * self.height


def largest(shapes):
    return max(shapes, key=lambda shape: shape.area(), default=None)


@dataclass(frozen=True)
class Point:
    x: float
    y: float

    def distance(self, other):
        return math.hypot(self.x - other.x, self.y - other.y)
