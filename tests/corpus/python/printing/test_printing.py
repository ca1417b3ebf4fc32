import io
import subprocess
import sys
import unittest
from contextlib import redirect_stderr, redirect_stdout
from unittest import mock

from printing import ask_name, fizzbuzz, print_receipt, warn


class FizzBuzzTest(unittest.TestCase):
    def test_prints_one_line_per_number(self):
        with redirect_stdout(io.StringIO()) as out:
            fizzbuzz(5)
        self.assertEqual(out.getvalue(), "1\n2\nFizz\n4\nBuzz\n")

    def test_fifteen(self):
        with redirect_stdout(io.StringIO()) as out:
            fizzbuzz(15)
        self.assertEqual(out.getvalue().splitlines()[-1], "FizzBuzz")

    def test_returns_none(self):
        with redirect_stdout(io.StringIO()):
            self.assertIsNone(fizzbuzz(3))

    def test_prints_nothing_for_zero(self):
        with redirect_stdout(io.StringIO()) as out:
            fizzbuzz(0)
        self.assertEqual(out.getvalue(), "")


class ReceiptTest(unittest.TestCase):
    def test_receipt_lines_and_total(self):
        with redirect_stdout(io.StringIO()) as out:
            print_receipt([("pain", 1.5), ("lait", 0.99), ("café", 3.2)])
        self.assertEqual(out.getvalue(),
                         "pain       1.50\nlait       0.99\ncafé       3.20\nTOTAL      5.69\n")

    def test_empty_receipt(self):
        with redirect_stdout(io.StringIO()) as out:
            print_receipt([])
        self.assertEqual(out.getvalue(), "TOTAL      0.00\n")


class WarnTest(unittest.TestCase):
    def test_warning_goes_to_stderr(self):
        with redirect_stdout(io.StringIO()) as out, redirect_stderr(io.StringIO()) as err:
            warn("disque plein")
        self.assertEqual(out.getvalue(), "")
        self.assertEqual(err.getvalue(), "ATTENTION: disque plein\n")


class InputTest(unittest.TestCase):
    def test_asks_and_greets(self):
        with mock.patch("builtins.input", return_value="Amina"), \
                redirect_stdout(io.StringIO()) as out:
            result = ask_name()
        self.assertEqual(result, "Amina")
        self.assertEqual(out.getvalue(), "Bonjour, Amina !\n")

    def test_strips_the_answer(self):
        with mock.patch("builtins.input", side_effect=["  Youssef  "]), \
                redirect_stdout(io.StringIO()):
            self.assertEqual(ask_name(), "Youssef")

    def test_prompt(self):
        with mock.patch("builtins.input", return_value="x") as fake, \
                redirect_stdout(io.StringIO()):
            ask_name()
        fake.assert_called_once_with("Votre nom ? ")


class ProgramTest(unittest.TestCase):
    def test_run_as_a_program(self):
        run = subprocess.run([sys.executable, "printing.py"], input="Salma\n",
                             capture_output=True, text=True)
        self.assertEqual(run.returncode, 0)
        self.assertEqual(run.stdout, "Votre nom ? Bonjour, Salma !\n")
