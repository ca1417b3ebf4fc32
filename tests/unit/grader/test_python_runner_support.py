"""Helpers for the Python runner tests (no tests here): grading through the real sandboxes,
and running the same tests bare with unittest for comparison."""
import json
import os
import subprocess
import tempfile
import textwrap

from grader.exercise import Exercise, Limits, SourceFile
from grader.runners.python import RUNNER, python_executable

LIMITS = Limits(cpu_seconds=2, wall_seconds=4, memory_mb=256)


def exercise(tests: dict, limits: Limits = LIMITS, hidden=()) -> Exercise:
    files = tuple(SourceFile(name, textwrap.dedent(content), hidden=name in hidden)
                  for name, content in tests.items())
    return Exercise("python", files, limits)


def grade(tests: dict, files: dict, limits: Limits = LIMITS, hidden=()):
    files = {name: textwrap.dedent(content) for name, content in files.items()}
    return RUNNER.grade(exercise(tests, limits, hidden), files)


def outcomes(verdict) -> dict:
    return {t.name: t.outcome for t in verdict.tests}


def passed_names(verdict) -> set:
    return {t.name for t in verdict.tests if t.passed}


def describe(verdict) -> str:
    return json.dumps(verdict.to_dict(), indent=1, ensure_ascii=False)


_BARE = """
import json, sys, unittest
loader = unittest.TestLoader()
results = {}
class Result(unittest.TestResult):
    def stopTest(self, test):
        super().stopTest(test)
        name = f"{type(test).__qualname__}.{test._testMethodName}"
        results.setdefault(name, True)
    def addFailure(self, test, err):
        results[f"{type(test).__qualname__}.{test._testMethodName}"] = False
    addError = addFailure
for name in sys.argv[1:]:
    loader.loadTestsFromName(name).run(Result())
print(json.dumps(results))
"""


def bare_unittest(tests: dict, files: dict) -> dict:
    """{Class.test: passed} from running the tests with plain unittest, no sandbox — only for
    the trusted sample solutions of these tests, never for attacks."""
    with tempfile.TemporaryDirectory() as root:
        for name, content in {**tests, **files}.items():
            path = os.path.join(root, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(textwrap.dedent(content))
        modules = [name[:-3].replace("/", ".") for name in tests]
        run = subprocess.run([python_executable(), "-c", _BARE, *modules], cwd=root,
                             capture_output=True, text=True, timeout=60, check=True)
        return json.loads(run.stdout.strip().splitlines()[-1])
