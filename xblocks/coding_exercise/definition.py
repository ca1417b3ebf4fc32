"""The author's exercise as plain data: from Studio's form, checked field by field.

The block stores a grader.olx.ExerciseDefinition spread over its content fields; this module
turns Studio's JSON into such a definition and lists what is wrong with it, naming the field.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from grader.exercise import LANGUAGES, ExerciseError, Limits, check_file_name
from grader.olx import ExerciseDefinition
from xblocks.coding_exercise.messages import FIELD_LABELS, VALIDATION

# Upper bounds an author may set: beyond these one exercise would hog a grading worker.
MAX_LIMITS = {"cpu_seconds": 60, "wall_seconds": 120, "memory_mb": 2048}
MAX_WEIGHT = 1000
MAX_ATTEMPTS = 1000
LIMIT_FIELDS = ("cpu_seconds", "wall_seconds", "memory_mb")
_SKILL = re.compile(r"^\S{1,64}$")


@dataclass
class Problem:
    """One thing wrong with the definition. severity: 'error' blocks saving, 'warning' does not."""

    field: str
    key: str  # a key of messages.VALIDATION
    params: dict
    severity: str = "error"

    def text(self, gettext) -> str:
        params = dict(self.params)
        if "label" in params:
            params["label"] = gettext(FIELD_LABELS[params["label"]])
        return gettext(VALIDATION[self.key]).format(**params)


def check_definition(d: ExerciseDefinition) -> list[Problem]:
    """Everything wrong with *d*, errors first. An empty list means learners can use it."""
    problems: list[Problem] = []
    add = problems.append
    if not (d.display_name or "").strip():
        add(Problem("display_name", "display_name", {}))
    if d.language not in LANGUAGES:
        add(Problem("language", "language", {"language": d.language, "choices": ", ".join(LANGUAGES)}))
    if not d.tests:
        add(Problem("tests", "no_tests", {}))
    if not d.starter:
        add(Problem("starter", "no_starter", {}))
    for group, files in (("starter", d.starter), ("solution", d.solution), ("tests", d.tests)):
        problems.extend(_check_names(group, files))
    starter_names = sorted(f["name"] for f in d.starter)
    solution_names = sorted(f["name"] for f in d.solution)
    if d.starter and d.solution and starter_names != solution_names:
        add(Problem("solution", "solution_names",
                    {"solution": ", ".join(solution_names), "starter": ", ".join(starter_names)}))
    for t in d.tests:
        if t["name"] in starter_names:
            add(Problem("tests", "test_shadows_starter", {"filename": t["name"]}))
    if d.language == "sql":
        problems.extend(_check_sql(d))
    problems.extend(_check_limits(d.limits))
    if not 0 <= d.weight <= MAX_WEIGHT:
        add(Problem("weight", "negative" if d.weight < 0 else "too_large",
                    {"label": "weight", "maximum": MAX_WEIGHT}))
    if not 0 <= d.max_attempts <= MAX_ATTEMPTS:
        add(Problem("max_attempts", "negative" if d.max_attempts < 0 else "too_large",
                    {"label": "max_attempts", "maximum": MAX_ATTEMPTS}))
    for number, hint in enumerate(d.hints, start=1):
        if not hint.strip():
            add(Problem("hints", "empty_hint", {"number": number}))
    for skill in d.skills:
        if not _SKILL.match(skill):
            add(Problem("skills", "bad_skill", {"skill": skill}))
    # Warnings: the exercise works, but probably not as the author wants.
    if d.tests and not any(not t.get("hidden") for t in d.tests):
        add(Problem("tests", "no_visible_tests", {}, "warning"))
    if d.starter and not d.solution:
        add(Problem("solution", "no_solution", {}, "warning"))
    if not d.prompt.strip():
        add(Problem("prompt", "no_prompt", {}, "warning"))
    return sorted(problems, key=lambda p: p.severity != "error")


def _check_names(group: str, files: list[dict]) -> list[Problem]:
    problems, seen = [], set()
    for f in files:
        name = f.get("name", "")
        try:
            check_file_name(name)
        except ExerciseError:
            problems.append(Problem(group, "file_name", {"filename": repr(name)}))
        if name in seen:
            problems.append(Problem(group, "duplicate_name", {"filename": name}))
        seen.add(name)
    return problems


def _check_sql(d: ExerciseDefinition) -> list[Problem]:
    """SQL test files are JSON the grader reads: report their mistakes here, not to learners."""
    from grader.runners.sql import parse_test_file  # host-side parsing only, no sandbox

    problems = []
    if d.starter and (len(d.starter) != 1 or not d.starter[0]["name"].endswith(".sql")):
        problems.append(Problem("starter", "sql_one_file", {}))
    for t in d.tests:
        try:
            parse_test_file(t["name"], t["content"])
        except ExerciseError as exc:
            problems.append(Problem("tests", "bad_test_file", {"filename": t["name"], "reason": exc}))
    return problems


def _check_limits(limits: dict) -> list[Problem]:
    problems = []
    for name, value in limits.items():
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            problems.append(Problem(name, "not_a_number", {"label": name}))
        elif value <= 0:
            problems.append(Problem(name, "not_positive", {"label": name}))
        elif name in MAX_LIMITS and value > MAX_LIMITS[name]:
            problems.append(Problem(name, "too_large", {"label": name, "maximum": MAX_LIMITS[name]}))
    if not problems:
        merged = {**vars(Limits()), **limits}
        if merged["wall_seconds"] < merged["cpu_seconds"]:
            problems.append(Problem("wall_seconds", "wall_below_cpu", {}))
    return problems


def definition_from_form(data: dict, base: ExerciseDefinition) -> tuple[ExerciseDefinition, list[Problem]]:
    """Build a definition from Studio's JSON (values typed by hand), starting from *base*.

    Returns the definition and the problems met while reading numbers; check_definition()
    then finds the rest. Keys absent from *data* keep *base*'s values.
    """
    problems: list[Problem] = []
    d = ExerciseDefinition(**{k: v for k, v in vars(base).items()})
    d.limits = dict(base.limits)
    if "display_name" in data:
        d.display_name = str(data["display_name"]).strip()
    if "language" in data:
        d.language = str(data["language"]).strip()
    if "prompt" in data:
        d.prompt = str(data["prompt"])
    for key in ("weight", "max_attempts"):
        if key in data:
            value = _number(data[key], integer=(key == "max_attempts"))
            if value is None:
                problems.append(Problem(key, "not_a_number", {"label": key}))
            else:
                setattr(d, key, value)
    if isinstance(data.get("limits"), dict):
        for key in LIMIT_FIELDS:
            raw = data["limits"].get(key)
            if raw in (None, ""):
                d.limits.pop(key, None)  # blank: the grader's default applies
                continue
            value = _number(raw, integer=(key == "memory_mb"))
            if value is None:
                problems.append(Problem(key, "not_a_number", {"label": key}))
            else:
                d.limits[key] = value
    if "skills" in data:
        raw = data["skills"]
        d.skills = raw.split() if isinstance(raw, str) else [str(s) for s in raw or []]
    if "hints" in data:
        d.hints = [str(h).strip("\n") for h in data.get("hints") or []]
    for group in ("starter", "solution", "tests"):
        if group in data:
            files = []
            for f in data.get(group) or []:
                if not isinstance(f, dict):
                    continue
                entry = {"name": str(f.get("name", "")).strip(), "content": str(f.get("content", ""))}
                if group == "tests":
                    entry["hidden"] = bool(f.get("hidden"))
                files.append(entry)
            setattr(d, group, files)
    return d, problems


def _number(raw, integer: bool):
    if isinstance(raw, bool):
        return None
    try:
        value = float(str(raw).strip().replace(",", "."))  # French authors type 2,5
    except ValueError:
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None
    if integer:
        return int(value) if value.is_integer() else None
    return value
