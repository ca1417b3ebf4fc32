"""One runner module per language. Adding a language = adding a module with a Runner here.

A runner module exposes RUNNER, an object with:
    language: str
    grade(exercise: Exercise, files: dict[str, str]) -> Verdict
"""
from __future__ import annotations

import importlib

from grader.exercise import LANGUAGES, ExerciseError

_MODULES = {"python": "grader.runners.python", "javascript": "grader.runners.javascript",
            "sql": "grader.runners.sql"}


def get_runner(language: str):
    if language not in LANGUAGES:
        raise ExerciseError(f"unknown language {language!r}: choose one of {', '.join(LANGUAGES)}")
    return importlib.import_module(_MODULES[language]).RUNNER
