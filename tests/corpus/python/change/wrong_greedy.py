def find_fewest_coins(coins, target):
    # greedy: biggest coin first; sorts the caller's list in place
    if target < 0:
        raise ValueError("target can't be negative")
    coins.sort(reverse=True)
    result = []
    for coin in coins:
        while target >= coin:
            target -= coin
            result.append(coin)
    if target:
        raise ValueError("can't make target with given coins")
    return sorted(result)


def average_coin(coins):
    return sum(coins) // len(coins)
