def fizzbuzz(limit):
    # builds and returns the text instead of printing it
    lines = []
    for number in range(1, limit + 1):
        word = ("Fizz" if number % 3 == 0 else "") + ("Buzz" if number % 5 == 0 else "")
        lines.append(word or str(number))
    return "\n".join(lines)


def print_receipt(items):
    total = sum(price for _, price in items)
    for name, price in items:
        print(name, price)
    print("TOTAL", round(total, 2))


def warn(text):
    print("ATTENTION:", text)


def ask_name():
    name = input("Votre nom ? ")
    print("Bonjour,", name, "!")
    return name


ask_name() if __name__ == "__main__" else None
