import dataclasses
import math
import unittest

from shapes import Circle, Point, Rectangle, Shape, ShapeError, largest


class Square(Shape):
    """A shape written by the test author: the base class must do the rest."""

    name = "square"

    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


class ShapeTest(unittest.TestCase):
    def test_circle_area(self):
        self.assertAlmostEqual(Circle(2).area(), 4 * math.pi)

    def test_rectangle_area(self):
        self.assertEqual(Rectangle(3, 4).area(), 12)

    def test_describe(self):
        self.assertEqual(Rectangle(3, 4).describe(), "rectangle of area 12.00")

    def test_shapes_are_shapes(self):
        for shape in (Circle(1), Rectangle(1, 2)):
            with self.subTest(shape=type(shape).__name__):
                self.assertIsInstance(shape, Shape)

    def test_base_area_is_abstract(self):
        with self.assertRaises(NotImplementedError):
            Shape().area()

    def test_shapes_sort_by_area(self):
        shapes = [Rectangle(3, 3), Circle(1), Rectangle(1, 2)]
        self.assertEqual([s.area() for s in sorted(shapes)], sorted(s.area() for s in shapes))

    def test_largest(self):
        self.assertEqual(largest([Circle(1), Rectangle(2, 2), Rectangle(1, 1)]).describe(),
                         "rectangle of area 4.00")

    def test_largest_of_nothing(self):
        self.assertIsNone(largest([]))

    def test_invalid_radius(self):
        with self.assertRaises(ShapeError) as err:
            Circle(-1)
        self.assertEqual(str(err.exception), "radius must be positive")
        self.assertEqual(err.exception.value, -1)

    def test_shape_error_is_a_value_error(self):
        with self.assertRaises(ValueError):
            Rectangle(0, 1)

    def test_subclass_written_in_the_test(self):
        self.assertEqual(Square(2).describe(), "square of area 4.00")


class PointTest(unittest.TestCase):
    def test_points_with_same_coordinates_are_equal(self):
        self.assertEqual(Point(1, 2), Point(1, 2))

    def test_fields(self):
        point = Point(1.5, -2)
        self.assertEqual((point.x, point.y), (1.5, -2))

    def test_repr(self):
        self.assertEqual(repr(Point(1, 2)), "Point(x=1, y=2)")

    def test_distance(self):
        self.assertEqual(Point(0, 0).distance(Point(3, 4)), 5.0)

    def test_points_are_frozen(self):
        with self.assertRaises(dataclasses.FrozenInstanceError):
            Point(1, 2).x = 3

    def test_points_are_hashable(self):
        self.assertEqual(len({Point(1, 2), Point(1, 2), Point(2, 1)}), 2)
