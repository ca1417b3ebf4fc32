"""The exercise corpus (tests/corpus/<language>/<exercise>/) and its bare runs.

An exercise folder holds one test file and the submissions to grade against it:
- python: `test_<module>.py` (unittest or pytest style); the learner file is `<module>.py`;
- javascript: `<module>.test.js` (CommonJS) or `<module>.test.mjs` (ES module); the learner
  file is `<module>.js` / `<module>.mjs`;
- submissions: `example.*` (the reference solution), `stub.*` (the starter code) and any
  number of `wrong_<what>.*` (realistic wrong solutions), each submitted under the learner
  file's name.

A bare run executes the same tests the way an author would on their own machine, no sandbox
and no grader, and returns {test name as the grader names it: passed|failed|error|skipped}.
Bare runs execute only this corpus's trusted files.
"""
from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from grader.api import grade
from grader.exercise import Exercise, Limits, SourceFile

CORPUS = Path(__file__).resolve().parent
BARE_UNITTEST = CORPUS / "bare_unittest.py"
BARE_REPORTER = CORPUS / "bare_reporter.mjs"
BARE_TIMEOUT = 60
SYSTEM_PYTHON = "/usr/bin/python3"  # the interpreter the grader runs learner code with
NODE = "/usr/bin/node"
# The default CPU and memory limits an author gets; a longer wall-clock limit, so that a loaded
# machine (other suites running) cannot turn a slow pipe into a "timeout" verdict: fidelity is
# what is compared here, not speed.
LIMITS = Limits(wall_seconds=20.0)


class CorpusError(Exception):
    """A corpus folder is malformed; the message names the folder and what to fix."""


@dataclass(frozen=True)
class Case:
    language: str
    exercise: str
    test_name: str      # file name of the exercise's tests
    test_source: str
    learner_name: str   # file name the submission gets
    submission: str     # example | stub | wrong_<what>
    code: str

    @property
    def id(self) -> str:
        return f"{self.exercise}/{self.submission}"

    @cached_property
    def style(self) -> str:
        if self.language == "javascript":
            return "node:test"
        tree = ast.parse(self.test_source)
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and any(
                    getattr(base, "attr", getattr(base, "id", "")) == "TestCase" for base in node.bases):
                return "unittest"
        return "pytest"


def _submissions(folder: Path, suffix: str):
    found = {p.name[:-len(suffix)]: p for p in folder.iterdir()
             if p.name.endswith(suffix) and not p.name[:-len(suffix)].endswith(".test")
             and (p.name.startswith(("example.", "stub.", "wrong_")))}
    for required in ("example", "stub"):
        if required not in found:
            raise CorpusError(f"{folder}: add {required}{suffix} (every exercise needs one)")
    return sorted(found.items())


def cases(language: str) -> list[Case]:
    result = []
    for folder in sorted(p for p in (CORPUS / language).iterdir() if p.is_dir()):
        if language == "python":
            tests = sorted(folder.glob("test_*.py"))
        else:
            tests = sorted(folder.glob("*.test.js")) + sorted(folder.glob("*.test.mjs"))
        if len(tests) != 1:
            raise CorpusError(f"{folder}: expected exactly one test file, found {len(tests)}")
        test = tests[0]
        if language == "python":
            learner, suffix = test.name[len("test_"):], ".py"
        else:
            suffix = ".mjs" if test.name.endswith(".mjs") else ".js"
            learner = test.name[:-len(".test" + suffix)] + suffix
        source = test.read_text(encoding="utf-8")
        for label, path in _submissions(folder, suffix):
            result.append(Case(language, folder.name, test.name, source, learner, label,
                               path.read_text(encoding="utf-8")))
    return result


def graded(case: Case):
    exercise = Exercise(case.language, (SourceFile(case.test_name, case.test_source),), LIMITS)
    return grade(exercise, {case.learner_name: case.code})


def _folder(case: Case, root: str) -> None:
    for name, content in ((case.test_name, case.test_source), (case.learner_name, case.code)):
        with open(os.path.join(root, name), "w", encoding="utf-8") as handle:
            handle.write(content)


def _env(root: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PYTEST", "NODE"))}
    env.update(PYTHONDONTWRITEBYTECODE="1", HOME=root)
    return env


def bare(case: Case) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="corpus-") as root:
        _folder(case, root)
        if case.style == "unittest":
            return _bare_unittest(case, root)
        if case.style == "pytest":
            return _bare_pytest(case, root)
        return _bare_node(case, root)


def _bare_unittest(case: Case, root: str) -> dict[str, str]:
    out = os.path.join(root, "outcomes.json")
    module = case.test_name[:-3]
    subprocess.run([SYSTEM_PYTHON, str(BARE_UNITTEST), out, module], cwd=root, env=_env(root),
                   capture_output=True, timeout=BARE_TIMEOUT)
    with open(out, encoding="utf-8") as handle:
        outcomes = json.load(handle)
    # test ids are module.Class.method; the grader names a test Class.method
    return {test_id[len(module) + 1:]: outcome for test_id, outcome in outcomes.items()}


def pytest_python() -> str:
    """pytest is not installed for the system Python: the venv's Python runs pytest-style files."""
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pytest"], capture_output=True)
    return SYSTEM_PYTHON if probe.returncode == 0 else sys.executable


def _bare_pytest(case: Case, root: str) -> dict[str, str]:
    report = os.path.join(root, "report.xml")
    ini = os.path.join(root, "pytest.ini")
    with open(ini, "w", encoding="utf-8") as handle:
        handle.write("[pytest]\n")
    env = _env(root)
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # the venv's django/playwright plugins stay out
    subprocess.run([pytest_python(), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", ini,
                    "--rootdir", root, f"--junitxml={report}", case.test_name],
                   cwd=root, env=env, capture_output=True, timeout=BARE_TIMEOUT)
    module = case.test_name[:-3]
    outcomes = {}
    for testcase in ElementTree.parse(report).iter("testcase"):
        classname = testcase.get("classname", "")
        owner = classname[len(module) + 1:] if classname.startswith(module + ".") else ""
        name = f"{owner}.{testcase.get('name')}" if owner else testcase.get("name")
        kinds = {child.tag: child for child in testcase}
        if "skipped" in kinds:
            # an expected failure that did fail is a success for pytest (exit status 0)
            expected = kinds["skipped"].get("type") == "pytest.xfail"
            outcomes[name] = "passed" if expected else "skipped"
        else:
            outcomes[name] = "failed" if {"failure", "error"} & set(kinds) else "passed"
    return outcomes


def _bare_node(case: Case, root: str) -> dict[str, str]:
    out = os.path.join(root, "results.jsonl")
    subprocess.run([NODE, "--test", f"--test-reporter={BARE_REPORTER}",
                    f"--test-reporter-destination={out}", case.test_name],
                   cwd=root, env=_env(root), capture_output=True, timeout=BARE_TIMEOUT)
    outcomes = {}
    with open(out, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            outcomes[record["name"]] = record["outcome"]
    return outcomes


def sandbox_available() -> bool:
    return shutil.which("bwrap") is not None
