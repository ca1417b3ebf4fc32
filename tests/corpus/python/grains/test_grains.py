import pytest

from grains import square, total


@pytest.mark.parametrize("number,expected", [
    (1, 1), (2, 2), (3, 4), (4, 8), (16, 32768), (32, 2147483648), (64, 9223372036854775808),
])
def test_grains_on_square(number, expected):
    assert square(number) == expected


@pytest.mark.parametrize("number", [0, -1, 65])
def test_square_out_of_range_raises(number):
    with pytest.raises(ValueError) as err:
        square(number)
    assert err.type is ValueError
    assert err.value.args[0] == "square must be between 1 and 64"


def test_error_message_matches():
    with pytest.raises(ValueError, match=r"between 1 and 64$"):
        square(100)


def test_returns_the_total_number_of_grains_on_the_board():
    assert total() == 18446744073709551615


def test_total_is_an_int():
    assert isinstance(total(), int)


def test_each_square_doubles():
    assert all(square(n + 1) == 2 * square(n) for n in range(1, 64))
