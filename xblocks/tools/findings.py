"""What a check found: one Finding per problem, collected in a Report and printed for humans or as JSON.

Findings are for course authors at their terminal or in CI, so they read like compiler messages:
`FILE:LINE (url_name): error: what is wrong and how to fix it`.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass
class Finding:
    level: str          # error | warning
    check: str          # which check produced it: structure, olxcleaner, policy, exercise, quiz, mutation
    message: str
    file: str = ""      # path as given on the command line (relative to the cwd when possible)
    line: int | None = None
    url_name: str = ""

    def location(self) -> str:
        where = self.file or "."
        if self.line:
            where += f":{self.line}"
        if self.url_name:
            where += f" ({self.url_name})"
        return where

    def text(self) -> str:
        return f"{self.location()}: {self.level}: {self.message}"


@dataclass
class MutationResult:
    """How well an exercise's tests catch wrong solutions: mutants killed out of those tried."""

    file: str
    url_name: str
    language: str
    killed: int = 0
    total: int = 0
    generated: int = 0  # before the cap
    survivors: list[str] = field(default_factory=list)

    @property
    def score(self) -> float | None:
        return self.killed / self.total if self.total else None


@dataclass
class Report:
    course_dir: str
    findings: list[Finding] = field(default_factory=list)
    mutation: list[MutationResult] = field(default_factory=list)
    counts: dict = field(default_factory=dict)  # what was checked: exercises, quizzes, blocks...

    def add(self, level: str, check: str, message: str, file: str = "", line: int | None = None,
            url_name: str = "") -> Finding:
        finding = Finding(level, check, message, file, line, url_name)
        self.findings.append(finding)
        return finding

    def error(self, check, message, **where) -> Finding:
        return self.add(ERROR, check, message, **where)

    def warning(self, check, message, **where) -> Finding:
        return self.add(WARNING, check, message, **where)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == WARNING]

    def sorted_findings(self) -> list[Finding]:
        # Errors first, then by place, so the output of two runs can be diffed.
        return sorted(self.findings, key=lambda f: (f.level != ERROR, f.file, f.line or 0, f.message))

    def to_dict(self) -> dict:
        return {
            "course_dir": self.course_dir,
            "ok": not self.errors,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "counts": self.counts,
            "findings": [asdict(f) for f in self.sorted_findings()],
            "mutation": [{**asdict(m), "score": m.score} for m in
                         sorted(self.mutation, key=lambda m: (m.file, m.url_name))],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        lines = [f.text() for f in self.sorted_findings()]
        if self.mutation:
            lines.append("")
            lines.append("Mutation score (wrong solutions your tests catch):")
            for m in sorted(self.mutation, key=lambda m: (m.file, m.url_name)):
                if m.total:
                    capped = f", {m.total} tried of {m.generated}" if m.generated > m.total else ""
                    lines.append(f"  {m.url_name:<32} {m.killed}/{m.total} killed "
                                 f"({round(100 * m.score)}%{capped})")
                else:
                    lines.append(f"  {m.url_name:<32} no mutant could be made from the solution")
        counted = ", ".join(f"{n} {what.replace('_', ' ')}" for what, n in self.counts.items())
        lines.append("")
        lines.append(f"{self.course_dir}: {len(self.errors)} error(s), {len(self.warnings)} warning(s)"
                     + (f" — checked {counted}" if counted else ""))
        return "\n".join(lines).lstrip("\n")


def display_path(path: str) -> str:
    """*path* relative to the current directory when it is below it (shorter messages), else as is."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel
