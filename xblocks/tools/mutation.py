"""Mutants of a reference solution: small wrong versions that good tests must reject.

If an exercise's tests still pass when `<=` becomes `<` in the solution, a learner who writes `<`
gets full marks for a wrong answer. `jobintech validate` grades each mutant and warns about the
ones that survive. Python mutants come from the ast (so they always parse); JavaScript and SQL
mutants from a token stream (mutation_js.py, mutation_sql.py) that skips strings and comments.

A mutant replaces one span of one file. Where that is a whole expression it is put back in
parentheses, so operator precedence around it cannot change what it means.
"""
from __future__ import annotations

import ast
import collections
import copy
import dataclasses
import hashlib
import random
from dataclasses import dataclass

DEFAULT_CAP = 25
# Order in which kinds take turns when the cap forces a choice: the kinds that most often reveal
# a missing test come first.
KIND_ORDER = ("comparison", "statement", "constant", "logic", "arithmetic", "boolean", "negation",
              "return", "sort", "join", "distinct", "where", "aggregate")

_COMPARE_SWAPS = {
    ast.Lt: [ast.LtE], ast.LtE: [ast.Lt], ast.Gt: [ast.GtE], ast.GtE: [ast.Gt],
    ast.Eq: [ast.NotEq], ast.NotEq: [ast.Eq], ast.In: [ast.NotIn], ast.NotIn: [ast.In],
    ast.Is: [ast.IsNot], ast.IsNot: [ast.Is],
}
_SYMBOL = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
           ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not",
           ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.And: "and", ast.Or: "or"}
_ARITH_SWAPS = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult}
# Statements whose removal only ever gives a NameError or nothing at all: not worth a run.
_NEVER_DROP = (ast.Pass, ast.Import, ast.ImportFrom, ast.Global, ast.Nonlocal, ast.FunctionDef,
               ast.AsyncFunctionDef, ast.ClassDef)


@dataclass(frozen=True)
class Mutant:
    file: str          # the solution file that was changed
    line: int          # 1-based line of the change in that file
    kind: str          # one of KIND_ORDER
    description: str   # completes "your tests still pass if FILE line N ..."
    source: str        # the whole mutated file

    def sentence(self) -> str:
        return f"your tests still pass if {self.file} line {self.line} {self.description}"


def generate(language: str, files: dict[str, str]) -> list[Mutant]:
    """Every mutant of every file of a solution, in file then source order, without duplicates."""
    from xblocks.tools import mutation_js, mutation_sql

    makers = {"python": python_mutants, "javascript": mutation_js.mutants, "sql": mutation_sql.mutants}
    make = makers.get(language)
    if make is None:
        return []
    found, seen = [], set()
    for name in sorted(files):
        if not _mutable_file(language, name):
            continue
        for m in make(name, files[name]):
            if m.source != files[name] and (m.file, m.source) not in seen:
                seen.add((m.file, m.source))
                found.append(m)
    return _tell_apart(found)


def _tell_apart(mutants: list[Mutant]) -> list[Mutant]:
    """Number same-looking changes on one line (`x * 100 / 100`), so each warning points at one.
    The makers yield them in source order, so the numbering follows the line left to right."""
    counts = collections.Counter((m.file, m.line, m.description) for m in mutants)
    seen: collections.Counter = collections.Counter()
    result = []
    for m in mutants:
        key = (m.file, m.line, m.description)
        if counts[key] > 1:
            seen[key] += 1
            m = dataclasses.replace(m, description=f"{m.description} (the {_ordinal(seen[key])} one on the line)")
        result.append(m)
    return result


def _ordinal(n: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")


def _mutable_file(language: str, name: str) -> bool:
    suffixes = {"python": (".py",), "javascript": (".js", ".mjs", ".cjs"), "sql": (".sql",)}
    return name.endswith(suffixes[language])


def select(mutants: list[Mutant], cap: int = DEFAULT_CAP) -> list[Mutant]:
    """At most *cap* mutants, the same ones on every run: kinds take turns, and within a kind the
    order is shuffled with a seed taken from the sources, so the choice spreads over the file."""
    if len(mutants) <= cap:
        return list(mutants)
    seed = hashlib.sha256("\0".join(f"{m.file}:{m.line}:{m.description}" for m in mutants).encode()).hexdigest()
    rng = random.Random(seed)
    by_kind: dict[str, list[Mutant]] = {}
    for m in mutants:
        by_kind.setdefault(m.kind, []).append(m)
    queues = []
    for kind in sorted(by_kind, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER)):
        group = by_kind[kind]
        rng.shuffle(group)
        queues.append(group)
    chosen = []
    while len(chosen) < cap:
        for group in queues:
            if group and len(chosen) < cap:
                chosen.append(group.pop(0))
    return sorted(chosen, key=lambda m: (m.file, m.line, m.kind, m.description))


# ---------------------------------------------------------------- Python

class _Source:
    """A Python file with conversions from ast positions (line, UTF-8 byte column) to indexes."""

    def __init__(self, text: str):
        self.text = text
        self.lines = text.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))

    def index(self, lineno: int, col: int) -> int:
        line = self.lines[lineno - 1] if lineno - 1 < len(self.lines) else ""
        return self.starts[lineno - 1] + len(line.encode("utf-8")[:col].decode("utf-8", "ignore"))

    def span(self, node) -> tuple[int, int]:
        return (self.index(node.lineno, node.col_offset), self.index(node.end_lineno, node.end_col_offset))

    def segment(self, node) -> str:
        start, end = self.span(node)
        return self.text[start:end]

    def replace(self, node, new: str) -> str:
        start, end = self.span(node)
        return self.text[:start] + new + self.text[end:]

    def owns_lines(self, node) -> bool:
        """True when *node* alone fills its lines (no `a; b`, no code after it but a comment)."""
        start, end = self.span(node)
        before = self.text[self.starts[node.lineno - 1]:start]
        after_end = self.starts[node.end_lineno] if node.end_lineno < len(self.starts) else len(self.text)
        after = self.text[end:after_end].strip()
        return not before.strip() and (not after or after.startswith("#"))


def python_mutants(name: str, text: str) -> list[Mutant]:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return []  # the solution itself is broken: the exercise check reports that
    src = _Source(text)
    skipped = _main_guard_nodes(tree) | _docstrings(tree)
    candidates: list[tuple[int, str, str, str]] = []  # line, kind, description, source

    def add(node, kind, description, new_text):
        candidates.append((node.lineno, kind, description, new_text))

    for node in _walk(tree, skipped):
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                for swap in _COMPARE_SWAPS.get(type(op), []):
                    new = copy.deepcopy(node)
                    new.ops[i] = swap()
                    add(node, "comparison", f"uses {_SYMBOL[swap]} instead of {_SYMBOL[type(op)]}",
                        src.replace(node, f"({ast.unparse(new)})"))
        elif isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in _ARITH_SWAPS:
            swap = _ARITH_SWAPS[type(node.op)]
            new = copy.deepcopy(node)
            new.op = swap()
            suffix = "=" if isinstance(node, ast.AugAssign) else ""
            text_new = ast.unparse(new) if isinstance(node, ast.AugAssign) else f"({ast.unparse(new)})"
            add(node, "arithmetic", f"uses {_SYMBOL[swap]}{suffix} instead of {_SYMBOL[type(node.op)]}{suffix}",
                src.replace(node, text_new))
        elif isinstance(node, ast.Constant) and isinstance(node.value, bool):
            add(node, "boolean", f"uses {not node.value} instead of {node.value}",
                src.replace(node, str(not node.value)))
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            for delta in (1, -1):
                value = node.value + delta
                add(node, "constant", f"uses {value} instead of {node.value}",
                    src.replace(node, f"({value})" if value < 0 else str(value)))
        elif isinstance(node, ast.BoolOp):
            swap = ast.Or if isinstance(node.op, ast.And) else ast.And
            new = copy.deepcopy(node)
            new.op = swap()
            add(node, "logic", f"uses {_SYMBOL[swap]} instead of {_SYMBOL[type(node.op)]}",
                src.replace(node, f"({ast.unparse(new)})"))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            add(node, "negation", f"drops the `not` in `{_short(src.segment(node))}`",
                src.replace(node, f"({src.segment(node.operand)})"))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            early = _early_return(node, src)
            if early:
                candidates.append(early)
        if isinstance(node, ast.Module):
            continue  # dropping a module-level statement only makes a NameError: a wasted run
        for stmt in _statements(node):
            if stmt in skipped or isinstance(stmt, _NEVER_DROP) or not src.owns_lines(stmt):
                continue
            start, end = src.span(stmt)
            # Blank lines keep the other line numbers (and tracebacks) where the author wrote them.
            filler = "pass" + "\n" * (stmt.end_lineno - stmt.lineno)
            add(stmt, "statement", f"skips `{_short(src.segment(stmt))}`",
                src.text[:start] + filler + src.text[end:])
    mutants = []
    for line, kind, description, new_text in candidates:
        try:
            compile(new_text, name, "exec", dont_inherit=True)
        except (SyntaxError, ValueError):
            continue  # e.g. a swap that Python rejects in that spot
        mutants.append(Mutant(name, line, kind, description, new_text))
    return mutants


def _walk(tree, skipped: set):
    """ast.walk that does not enter skipped subtrees (the `__main__` block, docstrings)."""
    todo = [tree]
    while todo:
        node = todo.pop()
        if node in skipped:
            continue
        yield node
        todo.extend(reversed(list(ast.iter_child_nodes(node))))


def _statements(node) -> list:
    found = []
    for attr in ("body", "orelse", "finalbody"):
        block = getattr(node, attr, None)
        if isinstance(block, list):
            found.extend(s for s in block if isinstance(s, ast.stmt))
    return found


def _main_guard_nodes(tree) -> set:
    """`if __name__ == "__main__":` blocks: tests never run them, so their mutants always survive."""
    guards = set()
    for stmt in tree.body:
        if (isinstance(stmt, ast.If) and isinstance(stmt.test, ast.Compare)
                and "__name__" in ast.unparse(stmt.test) and "__main__" in ast.unparse(stmt.test)):
            guards.add(stmt)
    return guards


def _docstrings(tree) -> set:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            found.add(body[0])
    return found


def _early_return(func, src: _Source):
    body = list(func.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant) \
            and isinstance(body[0].value.value, str):
        body = body[1:]  # keep the docstring a docstring
    if not body:
        return None
    first = body[0]
    if isinstance(first, ast.Return) and (first.value is None or
                                          (isinstance(first.value, ast.Constant) and first.value.value is None)):
        return None  # already returns None first: the mutant would be the solution itself
    if first.lineno == func.lineno or not src.owns_lines(first):
        return None
    line_start = src.starts[first.lineno - 1]
    indent = src.text[line_start:src.index(first.lineno, first.col_offset)]
    new_text = src.text[:line_start] + indent + "return None\n" + src.text[line_start:]
    return (first.lineno, "return", f"returns None at the start of {func.name}()", new_text)


def _short(code: str, limit: int = 50) -> str:
    first = code.strip().splitlines()[0] if code.strip() else ""
    return first if len(first) <= limit else first[: limit - 1] + "…"
