def find_fewest_coins(coins, target):
    if target < 0:
        raise ValueError("target can't be negative")
    best = [[]] + [None] * target
    for amount in range(1, target + 1):
        for coin in coins:
            if coin <= amount and best[amount - coin] is not None:
                candidate = best[amount - coin] + [coin]
                if best[amount] is None or len(candidate) < len(best[amount]):
                    best[amount] = candidate
    if best[target] is None:
        raise ValueError("can't make target with given coins")
    return sorted(best[target])


def average_coin(coins):
    return sum(coins) / len(coins)
