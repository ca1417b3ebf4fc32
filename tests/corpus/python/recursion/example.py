import sys
from functools import lru_cache

sys.setrecursionlimit(5000)


def sum_digits(number):
    if number < 10:
        return number
    return number % 10 + sum_digits(number // 10)


def hanoi(disks, source="A", spare="B", target="C"):
    if disks == 0:
        return []
    return (hanoi(disks - 1, source, target, spare) + [(source, target)]
            + hanoi(disks - 1, spare, source, target))


def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    return rest + [[items[0]] + subset for subset in rest]


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
