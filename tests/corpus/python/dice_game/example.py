import logging
import os
import random
import sys
import time

log = logging.getLogger("dice_game")


def roll():
    return random.randint(1, 6)


def roll_and_log():
    value = roll()
    log.info("rolled %d", value)
    return value


def play(rounds):
    rolls = []
    for _ in range(rounds):
        time.sleep(0.5)
        rolls.append(roll())
    return rolls


def player_name():
    return os.environ.get("PLAYER", "anonyme")


def quit_game(code):
    sys.exit(code)


def parse_bet(text):
    try:
        return int(text)
    except ValueError as exc:
        raise RuntimeError(f"mise invalide : {text!r}") from exc


def bonus(rolls):
    return 0


def score(rolls):
    return sum(rolls) + bonus(rolls)
