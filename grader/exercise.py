"""The exercise model: what to run, against which tests, within which limits."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

LANGUAGES = ("python", "javascript", "sql")

# A file name as the learner and the sandbox see it: a relative path of plain segments.
_SAFE_NAME = re.compile(r"^(?!\.)[A-Za-z0-9_.\-]+(/(?!\.)[A-Za-z0-9_.\-]+)*$")


class ExerciseError(ValueError):
    """The exercise (or a submission for it) is not valid; the message says what to fix."""


def check_file_name(name: str, where: str = "file") -> str:
    """Return *name* if it is a safe relative path, else raise ExerciseError."""
    if not isinstance(name, str) or not _SAFE_NAME.match(name) or len(name) > 200:
        raise ExerciseError(
            f"{where} name {name!r} is not allowed: use letters, digits, '_', '-', '.' "
            "and '/' between folders (no leading dot, no '..', no absolute path)"
        )
    return name


@dataclass(frozen=True)
class Limits:
    cpu_seconds: float = 2.0
    wall_seconds: float = 5.0
    memory_mb: int = 256
    max_processes: int = 16
    output_kb: int = 64
    file_size_kb: int = 1024

    def validate(self) -> "Limits":
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, (int, float)) or value <= 0:
                raise ExerciseError(f"limit {f.name} must be a positive number, got {value!r}")
        if self.wall_seconds < self.cpu_seconds:
            raise ExerciseError(
                f"wall_seconds ({self.wall_seconds}) must be at least cpu_seconds ({self.cpu_seconds})"
            )
        return self


@dataclass(frozen=True)
class SourceFile:
    name: str
    content: str
    hidden: bool = False  # only meaningful for test files

    def __post_init__(self):
        check_file_name(self.name)


@dataclass(frozen=True)
class Exercise:
    """What the grader needs to grade a submission. Authoring fields (prompt, hints) live elsewhere."""

    language: str
    tests: tuple[SourceFile, ...]
    limits: Limits = field(default_factory=Limits)
    starter: tuple[SourceFile, ...] = ()
    solution: tuple[SourceFile, ...] = ()

    def __post_init__(self):
        if self.language not in LANGUAGES:
            raise ExerciseError(
                f"unknown language {self.language!r}: choose one of {', '.join(LANGUAGES)}"
            )
        if not self.tests:
            raise ExerciseError("the exercise has no test file: add at least one <tests> file")
        names = [t.name for t in self.tests]
        if len(set(names)) != len(names):
            raise ExerciseError(f"two test files share a name: {sorted(names)}")
        self.limits.validate()

    @property
    def visible_tests(self) -> tuple[SourceFile, ...]:
        return tuple(t for t in self.tests if not t.hidden)

    def visible_only(self) -> "Exercise":
        """The same exercise restricted to its visible tests (what **Run** uses)."""
        visible = self.visible_tests
        if not visible:
            raise ExerciseError("this exercise has no visible test to run")
        return dataclasses.replace(self, tests=visible)

    def submission_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in (self.starter or self.solution))
