"""Verdicts: the outcome of grading one submission."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

STATUSES = ("ok", "timeout", "memory", "output_limit", "crash", "error")
OUTCOMES = ("passed", "failed", "error")
HIDDEN_LABEL = "Hidden test"


@dataclass
class TestResult:
    __test__ = False  # not a pytest test class

    name: str
    outcome: str  # passed | failed | error
    message: str = ""
    hidden: bool = False

    @property
    def passed(self) -> bool:
        return self.outcome == "passed"


@dataclass
class Verdict:
    """status: ok (tests ran; see per-test outcomes), timeout, memory, output_limit, crash
    (the run died before the tests could report), error (the grader could not run at all)."""

    status: str
    tests: list[TestResult] = field(default_factory=list)
    message: str = ""
    output: str = ""  # what the learner's code printed (capped), for feedback only

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"unknown verdict status {self.status!r}")

    @property
    def passed(self) -> int:
        return sum(1 for t in self.tests if t.passed)

    @property
    def total(self) -> int:
        return len(self.tests)

    @property
    def score(self) -> float:
        if self.status != "ok" or not self.tests:
            return 0.0
        return self.passed / self.total

    def to_dict(self, redact_hidden: bool = False) -> dict:
        """The verdict as plain data. With redact_hidden, hidden tests show only pass/fail."""
        tests = []
        hidden_index = 0
        for t in self.tests:
            if redact_hidden and t.hidden:
                hidden_index += 1
                tests.append({"name": f"{HIDDEN_LABEL} {hidden_index}", "outcome": t.outcome,
                              "message": "", "hidden": True})
            else:
                tests.append(asdict(t))
        return {
            "status": self.status,
            "score": self.score,
            "passed": self.passed,
            "total": self.total,
            "message": self.message,
            "output": self.output,
            "tests": tests,
        }
