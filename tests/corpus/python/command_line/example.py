import sys


def read_numbers():
    count = int(sys.stdin.readline())
    return [int(sys.stdin.readline()) for _ in range(count)]


def read_words():
    return sys.stdin.read().split()


def total():
    values = input("Nombres : ").split()
    print(sum(int(v) for v in values))


def main():
    args = sys.argv[1:]
    shout = "--shout" in args
    names = [a for a in args if a != "--shout"]
    if len(names) > 1:
        print("usage: command_line.py [NAME] [--shout]", file=sys.stderr)
        sys.exit(2)
    text = f"Bonjour {names[0] if names else 'monde'}"
    print(text.upper() if shout else text)
    return 0


if __name__ == "__main__":
    main()
