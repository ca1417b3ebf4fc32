import math


class ShapeError(Exception):
    def __init__(self, message, value=None):
        super().__init__(message)
        self.value = value


class Shape:
    def area(self):
        return 0

    def describe(self):
        # every shape but circles is called a rectangle
        kind = "circle" if isinstance(self, Circle) else "rectangle"
        return f"{kind} of area {self.area():.2f}"

    def __lt__(self, other):
        return self.area() < other.area()


class Circle(Shape):
    def __init__(self, radius):
        if radius < 0:
            raise ShapeError("radius must be positive", radius)
        self.radius = radius

    def area(self):
        return math.pi * self.radius ** 2


class Rectangle(Shape):
    def __init__(self, width, height):
        self.width, self.height = width, height

    def area(self):
        return self.width * self.height


def largest(shapes):
    return max(shapes, key=lambda shape: shape.area()) if shapes else None


class Point:
    # a plain class: no __eq__, no __hash__ by value, mutable
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def distance(self, other):
        return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5
