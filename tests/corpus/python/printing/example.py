import sys


def fizzbuzz(limit):
    for number in range(1, limit + 1):
        word = ("Fizz" if number % 3 == 0 else "") + ("Buzz" if number % 5 == 0 else "")
        print(word or number)


def print_receipt(items):
    total = 0
    for name, price in items:
        print(f"{name:<10}{price:5.2f}")
        total += price
    print(f"{'TOTAL':<10}{total:5.2f}")


def warn(text):
    print(f"ATTENTION: {text}", file=sys.stderr)


def ask_name():
    name = input("Votre nom ? ").strip()
    print(f"Bonjour, {name} !")
    return name


if __name__ == "__main__":
    ask_name()
