def roll():
    pass


def roll_and_log():
    pass


def play(rounds):
    pass


def player_name():
    pass


def quit_game(code):
    pass


def parse_bet(text):
    pass


def bonus(rolls):
    return 0


def score(rolls):
    pass
