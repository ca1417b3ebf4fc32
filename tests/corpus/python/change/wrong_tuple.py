def find_fewest_coins(coins, target):
    # a tuple result, and a different message for negative targets
    if target < 0:
        raise ValueError("negative target")
    best = {0: ()}
    for amount in range(1, target + 1):
        options = [best[amount - c] + (c,) for c in coins if amount - c in best]
        if options:
            best[amount] = tuple(sorted(min(options, key=len)))
    if target not in best:
        raise ValueError("can't make target with given coins")
    return best[target]


def average_coin(coins):
    return round(sum(coins) / len(coins), 1)
