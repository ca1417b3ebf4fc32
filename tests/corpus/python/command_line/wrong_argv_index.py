import sys


def read_numbers():
    # reads every line, the count included
    return [int(line) for line in sys.stdin]


def read_words():
    return sys.stdin.readline().split()


def total():
    values = input().split()
    print(sum(int(v) for v in values))


def main():
    # argv[0] is the program, not the first argument
    name = sys.argv[0] if sys.argv else "monde"
    if "--shout" in sys.argv:
        name = name.upper()
    print(f"Bonjour {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
