import pytest

from change import average_coin, find_fewest_coins


@pytest.mark.parametrize("coins,target,expected", [
    pytest.param([1, 5, 10, 25, 100], 25, [25], id="single coin change"),
    pytest.param([1, 5, 10, 25, 100], 15, [5, 10], id="multiple coin change"),
    pytest.param([1, 5, 10, 21, 25], 63, [21, 21, 21], id="change with Lilliputian coins"),
    pytest.param([1, 4, 15, 20, 50], 23, [4, 4, 15], id="possible change without unit coins"),
    pytest.param([2, 5, 10, 20, 50], 21, [2, 2, 2, 5, 10], id="another possible change"),
    pytest.param([1, 5, 10, 21, 25], 0, [], id="no coins make 0 change"),
])
def test_fewest_coins(coins, target, expected):
    assert find_fewest_coins(coins, target) == expected


def test_result_is_sorted_list():
    result = find_fewest_coins([1, 2, 5], 11)
    assert result == sorted(result)
    assert type(result) is list


def test_error_testing_for_change_smaller_than_the_smallest_of_coins():
    with pytest.raises(ValueError) as err:
        find_fewest_coins([5, 10], 3)
    assert err.value.args[0] == "can't make target with given coins"


def test_error_if_no_combination_can_add_up_to_target():
    with pytest.raises(ValueError, match="can't make target with given coins"):
        find_fewest_coins([5, 10], 94)


def test_cannot_find_negative_change_values():
    with pytest.raises(ValueError) as err:
        find_fewest_coins([1, 2, 5], -5)
    assert str(err.value) == "target can't be negative"


def test_coins_list_is_not_changed():
    coins = [10, 1, 5]
    find_fewest_coins(coins, 16)
    assert coins == [10, 1, 5]


@pytest.mark.parametrize("coins,expected", [([1, 2], 1.5), ([1, 5, 10, 25], 10.25), ([3], 3.0)])
def test_average_coin(coins, expected):
    assert average_coin(coins) == pytest.approx(expected)


def test_average_coin_of_tenths():
    assert average_coin([0.1, 0.2]) == pytest.approx(0.15)
    assert average_coin([0.1, 0.2]) != 0.15
