"""The three ways of grading a submission that the benchmark compares, each returning a score.

- bare: `python -m unittest` started cold in a temporary folder, no isolation at all.
- codejail: edx-codejail's safe_exec as Open edX runs it (a sandbox user through sudo,
  CPU 2 s / wall 3 s); AppArmor confinement is not available on this machine, which only makes
  codejail faster than in production.
- jobintech: this project's grader (bubblewrap sandboxes from the warm pool).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile

from benchmarks.workload import TESTS, TOTAL

PYTHON = "/usr/bin/python3"  # the same interpreter for all three methods
SANDBOX_USER = "sandbox"
SUDOERS_FILE = "/etc/sudoers.d/01-jobintech-bench-codejail"


def bare(code: str) -> float:
    folder = tempfile.mkdtemp(prefix="bench-bare-")
    try:
        with open(os.path.join(folder, "notes.py"), "w") as f:
            f.write(code)
        with open(os.path.join(folder, "test_notes.py"), "w") as f:
            f.write(TESTS)
        r = subprocess.run([PYTHON, "-m", "unittest", "test_notes"], cwd=folder, capture_output=True,
                           text=True, timeout=30)
        last = r.stderr.strip().splitlines()[-1]
        if last == "OK":
            return 1.0
        bad = sum(int(n) for n in re.findall(r"(?:failures|errors)=(\d+)", last))
        return (TOTAL - bad) / TOTAL
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def setup_codejail() -> str | None:
    """Create the sandbox user and sudo rule Open edX's codejail needs; None if it cannot."""
    if os.geteuid() != 0:
        return "codejail needs root to create its sandbox user; run make bench as root"
    if shutil.which("sudo") is None:
        subprocess.run(["apt-get", "install", "-y", "-qq", "sudo"], check=False, capture_output=True)
        if shutil.which("sudo") is None:
            return "sudo is not installed and could not be installed"
    if subprocess.run(["id", SANDBOX_USER], capture_output=True).returncode != 0:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                        SANDBOX_USER], check=True)
    rule = (f"root ALL=({SANDBOX_USER}) SETENV:NOPASSWD:{PYTHON}\n"
            f"root ALL=({SANDBOX_USER}) NOPASSWD:/usr/bin/find\n"
            f"root ALL=(ALL) NOPASSWD:/usr/bin/pkill\n")
    with open(SUDOERS_FILE, "w") as f:
        f.write(rule)
    os.chmod(SUDOERS_FILE, 0o440)
    from codejail import jail_code

    jail_code.configure("python", PYTHON, user=SANDBOX_USER)
    jail_code.set_limit("CPU", 2)
    jail_code.set_limit("REALTIME", 3)
    jail_code.set_limit("PROXY", 0)
    return None


_CODEJAIL_RUNNER = """
import unittest
import test_notes
result = unittest.TestResult()
unittest.defaultTestLoader.loadTestsFromModule(test_notes).run(result)
bad = len(result.failures) + len(result.errors)
total = result.testsRun
"""


def codejail(code: str) -> float:
    from codejail.safe_exec import safe_exec

    globals_dict = {}
    safe_exec(_CODEJAIL_RUNNER, globals_dict,
              extra_files=[("notes.py", code.encode()), ("test_notes.py", TESTS.encode())])
    return (globals_dict["total"] - globals_dict["bad"]) / TOTAL


def jobintech_grader():
    from grader.api import grade
    from grader.exercise import Exercise, SourceFile

    exercise = Exercise("python", (SourceFile("test_notes.py", TESTS),))

    def run(code: str) -> float:
        verdict = grade(exercise, {"notes.py": code})
        if verdict.status != "ok":
            raise RuntimeError(f"grader status {verdict.status}: {verdict.message}")
        return verdict.score

    return run
