"""SQL mutants of a query, made on tokens (strings, quoted names and comments are left alone).

The wrong queries learners write most: the opposite sort order, a forgotten WHERE condition,
< for <=, OR for AND, a missing DISTINCT, an inner join where an outer one was needed (or the
reverse), an off-by-one constant. See mutation.py for what a mutant is and why.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from xblocks.tools.mutation import Mutant
from xblocks.tools.mutation_js import line_of

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")
_NUMBER = re.compile(r"\d+(\.\d+)?([eE][+-]?\d+)?")
_PUNCT = ("<=", ">=", "<>", "!=", "==", "||")
# Keywords that end a WHERE clause at the same nesting level.
_CLAUSE_END = {"GROUP", "ORDER", "LIMIT", "HAVING", "UNION", "EXCEPT", "INTERSECT", "WINDOW", "RETURNING",
               "OFFSET"}
_COMPARE_SWAPS = {"<": "<=", "<=": "<", ">": ">=", ">=": ">", "=": "<>", "<>": "=", "!=": "="}


@dataclass
class Token:
    kind: str   # word, number, punct, string, name (quoted identifier), comment
    text: str
    start: int
    depth: int = 0  # parenthesis depth, to tell a subquery's clauses from the outer query's

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def upper(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


def tokenize(src: str) -> list[Token]:
    tokens, i, n, depth = [], 0, len(src), 0
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
        elif src.startswith("--", i):
            end = src.find("\n", i)
            i = n if end < 0 else end
        elif src.startswith("/*", i):
            end = src.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif c in "'\"`[":
            close = "]" if c == "[" else c
            j = i + 1
            while j < n:
                if src[j] == close:
                    if close != "]" and src.startswith(close * 2, j):
                        j += 2  # '' inside a string is an escaped quote
                        continue
                    break
                j += 1
            tokens.append(Token("string" if c == "'" else "name", src[i:j + 1], i, depth))
            i = j + 1
        elif _WORD.match(src, i):
            word = _WORD.match(src, i).group()
            tokens.append(Token("word", word, i, depth))
            i += len(word)
        elif c.isdigit():
            number = _NUMBER.match(src, i).group()
            tokens.append(Token("number", number, i, depth))
            i += len(number)
        else:
            punct = next((p for p in _PUNCT if src.startswith(p, i)), c)
            if punct == ")":
                depth -= 1
            tokens.append(Token("punct", punct, i, depth))
            if punct == "(":
                depth += 1
            i += len(punct)
    return tokens


def mutants(name: str, src: str) -> list[Mutant]:
    tokens = tokenize(src)
    found: list[Mutant] = []

    def splice(start: int, end: int, new: str, line_at: int, kind: str, description: str):
        found.append(Mutant(name, line_of(src, line_at), kind, description, src[:start] + new + src[end:]))

    def swap(t: Token, new: str, kind: str):
        splice(t.start, t.end, new, t.start, kind, f"uses {new} instead of {t.text}")

    for index, t in enumerate(tokens):
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        word = t.upper
        if word in ("ASC", "DESC"):
            swap(t, _same_case(t.text, "DESC" if word == "ASC" else "ASC"), "sort")
        elif t.kind == "punct" and t.text in _COMPARE_SWAPS:
            swap(t, _COMPARE_SWAPS[t.text], "comparison")
        elif word in ("MIN", "MAX") and nxt is not None and nxt.text == "(":
            swap(t, _same_case(t.text, "MAX" if word == "MIN" else "MIN"), "aggregate")
        elif word == "AND" and not _between_and(tokens, index):
            swap(t, _same_case(t.text, "OR"), "logic")
        elif word == "OR":
            swap(t, _same_case(t.text, "AND"), "logic")
        elif word == "DISTINCT":
            end = nxt.start if nxt else t.end
            splice(t.start, end, "", t.start, "distinct", "leaves out DISTINCT")
        elif word == "LEFT" and nxt is not None and nxt.upper in ("JOIN", "OUTER"):
            end = nxt.end if nxt.upper == "OUTER" else t.end
            splice(t.start, end, _same_case(t.text, "INNER"), t.start, "join",
                   f"uses INNER JOIN instead of {src[t.start:end].upper()} JOIN")
        elif word == "JOIN" and not _is_outer_join(tokens, index):
            start = tokens[index - 1].start if index and tokens[index - 1].upper == "INNER" else t.start
            splice(start, t.end, _same_case(t.text, "LEFT JOIN"), t.start, "join",
                   "uses LEFT JOIN instead of an inner JOIN")
        elif t.kind == "number" and t.text.isdigit():
            value = int(t.text)
            for delta in (1, -1):
                if value + delta >= 0:
                    swap(t, str(value + delta), "constant")
        elif word in ("WHERE", "HAVING"):
            found.extend(_dropped_conditions(name, src, tokens, index))
        elif word == "BY" and index and tokens[index - 1].upper == "ORDER":
            found.extend(_descending_terms(name, src, tokens, index))
    return found


def _same_case(original: str, new: str) -> str:
    return new.lower() if original.islower() else new


def _between_and(tokens: list[Token], index: int) -> bool:
    """True for the AND of `x BETWEEN a AND b` (not a logical AND)."""
    depth = tokens[index].depth
    for j in range(index - 1, -1, -1):
        t = tokens[j]
        if t.depth < depth:
            return False
        if t.depth == depth and t.upper in ("AND", "OR", "WHERE", "ON", "HAVING", "WHEN", "SELECT"):
            return False
        if t.depth == depth and t.upper == "BETWEEN":
            return True
    return False


def _is_outer_join(tokens: list[Token], index: int) -> bool:
    previous = [t.upper for t in tokens[max(0, index - 2):index]]
    return any(w in ("LEFT", "RIGHT", "FULL", "OUTER", "CROSS", "NATURAL") for w in previous)


def _clause_end(tokens: list[Token], start: int) -> int:
    """Index of the first token after the clause starting at tokens[start] (same nesting level)."""
    depth = tokens[start].depth
    for j in range(start + 1, len(tokens)):
        t = tokens[j]
        if t.depth < depth or (t.depth == depth and (t.upper in _CLAUSE_END or t.text == ";")):
            return j
    return len(tokens)


def _descending_terms(name: str, src: str, tokens: list[Token], by: int) -> list[Mutant]:
    """ORDER BY terms without a direction sort ascending: one mutant sorts each descending."""
    end, depth = _clause_end(tokens, by), tokens[by].depth
    terms, start = [], by + 1
    for j in range(by + 1, end):
        if tokens[j].depth == depth and tokens[j].text == ",":
            terms.append((start, j))
            start = j + 1
    terms.append((start, end))
    found = []
    for first, stop in terms:
        if first >= stop or tokens[stop - 1].upper in ("ASC", "DESC", "FIRST", "LAST"):
            continue
        last = tokens[stop - 1]
        term = src[tokens[first].start:last.end]
        found.append(Mutant(name, line_of(src, last.start), "sort",
                            f"sorts by {_short(term)} DESC instead of ascending",
                            src[:last.end] + _same_case(tokens[by].text, " DESC") + src[last.end:]))
    return found


def _dropped_conditions(name: str, src: str, tokens: list[Token], where: int) -> list[Mutant]:
    """One mutant per AND-ed condition of a WHERE or HAVING (the whole clause when it has one)."""
    depth = tokens[where].depth
    end = _clause_end(tokens, where)
    keyword = tokens[where].upper
    if end == where + 1:
        return []
    # Split on the top-level ANDs that are not part of a BETWEEN.
    parts, start = [], where + 1
    for j in range(where + 1, end):
        t = tokens[j]
        if t.depth == depth and t.upper == "AND" and not _between_and(tokens, j):
            parts.append((start, j))
            start = j + 1
    parts.append((start, end))
    if any(t.depth == depth and t.upper == "OR" for t in tokens[where + 1:end]):
        return []  # dropping one side of an OR-ed condition changes precedence: skip it
    last_char = tokens[end - 1].end
    resume = tokens[end].start if end < len(tokens) and tokens[end].text != ";" else last_char
    if len(parts) == 1:
        condition = src[tokens[where + 1].start:last_char]
        return [Mutant(name, line_of(src, tokens[where].start), "where",
                       f"leaves out {keyword} {_short(condition)}",
                       src[:tokens[where].start] + src[resume:])]
    found = []
    for k, (first, last) in enumerate(parts):
        condition = src[tokens[first].start:tokens[last - 1].end]
        if k + 1 < len(parts):  # drop "condition AND"
            cut_start, cut_end = tokens[first].start, tokens[last + 1].start
        else:  # the last one: drop "AND condition"
            cut_start, cut_end = tokens[first - 1].start, tokens[last - 1].end
        found.append(Mutant(name, line_of(src, tokens[first].start), "where",
                            f"leaves out the condition {_short(condition)}",
                            src[:cut_start] + src[cut_end:]))
    return found


def _short(code: str, limit: int = 50) -> str:
    code = " ".join(code.split())
    return code if len(code) <= limit else code[: limit - 1] + "…"
