import os
import random
import unittest
from unittest import mock

import dice_game


class RollTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.faces = set(range(1, 7))

    def test_roll_is_a_die_face(self):
        for _ in range(20):
            self.assertIn(dice_game.roll(), self.faces)

    def test_roll_uses_randint(self):
        with mock.patch("random.randint", return_value=4) as fake:
            self.assertEqual(dice_game.roll(), 4)
        fake.assert_called_once_with(1, 6)

    def test_same_seed_same_rolls(self):
        random.seed(2024)
        first = [dice_game.roll() for _ in range(10)]
        random.seed(2024)
        self.assertEqual([dice_game.roll() for _ in range(10)], first)

    def test_rolls_are_logged(self):
        with self.assertLogs("dice_game", level="INFO") as logs:
            value = dice_game.roll_and_log()
        self.assertEqual(logs.output, [f"INFO:dice_game:rolled {value}"])


class GameTest(unittest.TestCase):
    def test_play_waits_between_rolls(self):
        with mock.patch("time.sleep") as sleep, mock.patch("random.randint", side_effect=[2, 5]):
            self.assertEqual(dice_game.play(2), [2, 5])
        self.assertEqual(sleep.call_count, 2)

    def test_player_name_from_environment(self):
        with mock.patch.dict(os.environ, {"PLAYER": "Ines"}):
            self.assertEqual(dice_game.player_name(), "Ines")

    def test_player_name_default(self):
        with mock.patch.dict(os.environ, clear=True):
            self.assertEqual(dice_game.player_name(), "anonyme")

    def test_quit_exits_with_the_code(self):
        with self.assertRaises(SystemExit) as err:
            dice_game.quit_game(3)
        self.assertEqual(err.exception.code, 3)

    def test_bad_bet_explains_the_cause(self):
        with self.assertRaises(RuntimeError) as err:
            dice_game.parse_bet("six")
        self.assertEqual(str(err.exception), "mise invalide : 'six'")
        self.assertIsInstance(err.exception.__cause__, ValueError)

    def test_score_uses_the_bonus_helper(self):
        with mock.patch("dice_game.bonus", return_value=5):
            self.assertEqual(dice_game.score([1, 2]), 8)
        self.assertEqual(dice_game.score([1, 2]), 3)
