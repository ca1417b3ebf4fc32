import os
import random
import sys
import time
from random import randint


def roll():
    # imported name: mock.patch("random.randint") does not reach it
    return randint(1, 6)


def roll_and_log():
    value = roll()
    print("rolled", value)
    return value


def play(rounds):
    time.sleep(0.5)
    return [roll() for _ in range(rounds)]


PLAYER = os.environ.get("PLAYER", "anonyme")


def player_name():
    return PLAYER


def quit_game(code):
    sys.exit()


def parse_bet(text):
    try:
        return int(text)
    except ValueError:
        raise RuntimeError(f"mise invalide : {text!r}") from None


def bonus(rolls):
    return 0


def score(rolls):
    return sum(rolls)
