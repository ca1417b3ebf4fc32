def find_fewest_coins(coins, target):
    pass


def average_coin(coins):
    pass
