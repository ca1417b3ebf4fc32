def sum_digits(number):
    return number % 10 + sum_digits(number // 10) if number else 0


def hanoi(disks, source="A", spare="B", target="C"):
    # lists instead of tuples, and the roles of the pegs mixed up
    if disks == 1:
        return [[source, target]]
    return (hanoi(disks - 1, source, spare, target) + [[source, target]]
            + hanoi(disks - 1, spare, target, source))


def power_set(items):
    if len(items) == 1:
        return [[], items]
    rest = power_set(items[1:]) if items else []
    return rest + [[items[0]] + subset for subset in rest]


_known = {0: 0, 1: 1}


def fib(n):
    # memoised by hand: fast, but without lru_cache's cache_info / cache_clear
    if n not in _known:
        _known[n] = fib(n - 1) + fib(n - 2)
    return _known[n]
