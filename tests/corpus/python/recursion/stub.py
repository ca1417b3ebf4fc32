def sum_digits(number):
    pass


def hanoi(disks, source="A", spare="B", target="C"):
    pass


def power_set(items):
    pass


def fib(n):
    pass
