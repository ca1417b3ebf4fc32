import io
import runpy
import subprocess
import sys
import unittest
from contextlib import redirect_stdout
from unittest import mock

import command_line


class StdinTest(unittest.TestCase):
    def test_reads_a_count_then_numbers(self):
        with mock.patch("sys.stdin", io.StringIO("2\n10\n20\n")):
            self.assertEqual(command_line.read_numbers(), [10, 20])

    def test_reads_words_until_the_end(self):
        with mock.patch("sys.stdin", io.StringIO("a b\nc")):
            self.assertEqual(command_line.read_words(), ["a", "b", "c"])

    def test_total_of_an_input_line(self):
        with mock.patch("builtins.input", return_value="1 2 3"), \
                redirect_stdout(io.StringIO()) as out:
            command_line.total()
        self.assertEqual(out.getvalue(), "6\n")

    def test_total_prompt_from_stdin(self):
        with mock.patch("sys.stdin", io.StringIO("4 5\n")), redirect_stdout(io.StringIO()) as out:
            command_line.total()
        self.assertEqual(out.getvalue(), "Nombres : 9\n")


class ArgvTest(unittest.TestCase):
    def test_name_from_the_command_line(self):
        with mock.patch.object(sys, "argv", ["command_line.py", "Amal"]), \
                redirect_stdout(io.StringIO()) as out:
            self.assertEqual(command_line.main(), 0)
        self.assertEqual(out.getvalue(), "Bonjour Amal\n")

    def test_default_name(self):
        with mock.patch.object(sys, "argv", ["command_line.py"]), \
                redirect_stdout(io.StringIO()) as out:
            command_line.main()
        self.assertEqual(out.getvalue(), "Bonjour monde\n")

    def test_run_as_main_with_runpy(self):
        with mock.patch.object(sys, "argv", ["command_line.py", "Sara"]), \
                redirect_stdout(io.StringIO()) as out:
            runpy.run_path("command_line.py", run_name="__main__")
        self.assertEqual(out.getvalue(), "Bonjour Sara\n")

    def test_run_as_a_program(self):
        run = subprocess.run([sys.executable, "command_line.py", "Nour", "--shout"],
                             capture_output=True, text=True)
        self.assertEqual((run.returncode, run.stdout), (0, "BONJOUR NOUR\n"))

    def test_too_many_arguments_exit_with_status_2(self):
        run = subprocess.run([sys.executable, "command_line.py", "a", "b", "c"],
                             capture_output=True, text=True)
        self.assertEqual(run.returncode, 2)
        self.assertIn("usage", run.stderr)
