import sys


def fizzbuzz(limit):
    for number in range(1, limit):
        if number % 15 == 0:
            print("FizzBuzz")
        elif number % 3 == 0:
            print("Fizz")
        elif number % 5 == 0:
            print("Buzz")
        else:
            print(number)


def print_receipt(items):
    total = 0.0
    for name, price in items:
        total += price
        sys.stdout.write(f"{name:<10}{price:5.2f}\n")
    sys.stdout.write(f"{'TOTAL':<10}{total:5.2f}\n")


def warn(text):
    sys.stderr.write("ATTENTION: " + text + "\n")


def ask_name():
    name = input("Votre nom ? ").strip()
    print(f"Bonjour, {name} !")
    return name
