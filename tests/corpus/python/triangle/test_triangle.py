import pytest

from triangle import equilateral, isosceles, perimeter, scalene


class TestEquilateralTriangle:
    def test_all_sides_are_equal(self):
        assert equilateral([2, 2, 2]) is True

    def test_any_side_is_unequal(self):
        assert equilateral([2, 3, 2]) is False

    def test_no_sides_are_equal(self):
        assert equilateral([5, 4, 6]) is False

    def test_all_zero_sides_is_not_a_triangle(self):
        assert equilateral([0, 0, 0]) is False

    def test_sides_may_be_floats(self):
        assert equilateral([0.5, 0.5, 0.5]) is True


class TestIsoscelesTriangle:
    @pytest.mark.parametrize("sides", [[3, 4, 4], [4, 3, 4], [4, 4, 3], [4, 4, 4]])
    def test_two_sides_are_equal(self, sides):
        assert isosceles(sides) is True

    def test_no_sides_are_equal(self):
        assert isosceles([2, 3, 4]) is False

    @pytest.mark.parametrize("sides", [[1, 1, 3], [1, 3, 1], [3, 1, 1]],
                             ids=["first", "second", "third"])
    def test_triangle_inequality_violation(self, sides):
        assert isosceles(sides) is False

    def test_sides_may_be_floats(self):
        assert isosceles([0.5, 0.4, 0.5]) is True


class TestScaleneTriangle:
    def test_no_sides_are_equal(self):
        assert scalene([5, 4, 6]) is True

    def test_all_sides_are_equal(self):
        assert scalene([4, 4, 4]) is False

    def test_may_not_violate_triangle_inequality(self):
        assert scalene([7, 3, 2]) is False


@pytest.fixture
def right_triangle():
    return [3.1, 4.2, 5.3]


def test_perimeter(right_triangle):
    assert perimeter(right_triangle) == pytest.approx(12.6)


def test_perimeter_of_halves_is_exact():
    assert perimeter([0.5, 0.25, 0.5]) == 1.25


def test_perimeter_of_an_invalid_triangle_raises():
    with pytest.raises(ValueError, match="not a triangle"):
        perimeter([1, 1, 3])
