"""Fixture courses for the validate/export tests: a good course, and broken variants that each
overlay a few files on a copy of it (tests/unit/tools/fixtures/broken/<case>/)."""
import importlib
import os
import shutil

import pytest

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")
GOOD = os.path.join(FIXTURES, "good")
BROKEN = os.path.join(FIXTURES, "broken")


@pytest.fixture
def make_course(tmp_path):
    """make_course(case=None) -> path of a fresh copy of the good course, with *case* overlaid."""

    def make(case=None):
        target = tmp_path / (case or "good")
        shutil.copytree(GOOD, target)
        if case:
            shutil.copytree(os.path.join(BROKEN, case), target, dirs_exist_ok=True)
        return str(target)

    return make


@pytest.fixture
def require_runners():
    """require_runners(*languages): skip when the grader has no runner for one of them."""

    def require(*languages):
        for language in languages:
            try:
                importlib.import_module(f"grader.runners.{language}")
            except ImportError:
                pytest.skip(f"grader.runners.{language} is not installed")

    return require
