"""Run unittest modules exactly as `python3 -m unittest -v MODULE...` does (unittest.main with
module=None, same loader, same suite order), recording each test's outcome in a JSON file.

argv: OUTPUT_JSON MODULE... ; run with the interpreter the grader uses, in the exercise folder.
Outcome per test id: passed | failed | error | skipped. A test with subtests takes the outcome of
its first failing subtest (or its own failure), as a learner sees one line per test method.
"""
import json
import os
import resource
import sys
import unittest

sys.path[0] = os.getcwd()  # as with `-m`: the exercise folder, not this script's folder

OUTPUT = sys.argv[1]
# a runaway wrong solution must fail its test, not the machine (the grader's default is 256 MiB)
resource.setrlimit(resource.RLIMIT_AS, (1024 * 1024 * 1024,) * 2)
resource.setrlimit(resource.RLIMIT_CPU, (30, 30))
outcomes = {}


def note(test, outcome):
    if outcomes.get(test.id(), "passed") == "passed":
        outcomes[test.id()] = outcome


class Result(unittest.TextTestResult):
    def startTest(self, test):
        super().startTest(test)
        outcomes.setdefault(test.id(), "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        note(test, "failed")

    def addError(self, test, err):
        super().addError(test, err)
        note(test, "error")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            note(test, "failed" if issubclass(err[0], test.failureException) else "error")

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        note(test, "skipped")

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        note(test, "failed")


runner = unittest.TextTestRunner(resultclass=Result, verbosity=2)
try:
    unittest.main(module=None, argv=["python3 -m unittest", "-v", *sys.argv[2:]],
                  testRunner=runner, exit=False)
finally:
    with open(OUTPUT, "w", encoding="utf-8") as handle:
        json.dump(outcomes, handle)
