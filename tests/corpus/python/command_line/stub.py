def read_numbers():
    pass


def read_words():
    pass


def total():
    pass


def main():
    pass
