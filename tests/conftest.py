"""Shared test configuration.

Tests never run learner code outside the sandbox: the unsafe development switch is refused here.
"""
import os

import pytest

from grader.sandbox import UNSAFE_ENV

os.environ.pop(UNSAFE_ENV, None)


@pytest.fixture(scope="session")
def course_dir():
    return os.path.join(os.path.dirname(os.path.dirname(__file__)), "course_content")
