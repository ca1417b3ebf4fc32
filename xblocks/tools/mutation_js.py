"""JavaScript mutants made on tokens, so that strings, template literals, regexes and comments
are never touched. See mutation.py for what a mutant is and why.

The tokenizer is deliberately small: it only has to tell code from text well enough to find
operators, integer literals, statement lines and function bodies in an exercise's solution.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from xblocks.tools.mutation import Mutant

_PUNCTUATORS = sorted("""
>>>= ... === !== **= <<= >>= >>> => == != <= >= && || ?? ?. ++ -- += -= *= /= %= &= |= ^= ** << >>
{ } ( ) [ ] ; , < > + - * / % & | ^ ! ~ ? : = . @ #""".split(), key=len, reverse=True)
_WORD = re.compile(r"[A-Za-z_$][\w$]*")
_NUMBER = re.compile(r"0[xXoObB][0-9a-fA-F_]+n?|(\d[\d_]*)?\.?\d[\d_]*([eE][+-]?\d+)?n?")
# After these a '/' starts a regex, not a division.
_REGEX_AFTER_WORDS = {"return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw",
                      "case", "do", "else", "yield", "await"}
_SWAPS = {"===": "!==", "!==": "===", "==": "!=", "!=": "==", "<": "<=", "<=": "<", ">": ">=",
          ">=": ">", "&&": "||", "||": "&&", "true": "false", "false": "true"}
_NO_DROP_START = {"const", "let", "var", "import", "export", "function", "class", "async", "'use strict'",
                  '"use strict"', "}", "{", "else", "case", "default"}


@dataclass
class Token:
    kind: str   # word, number, punct, string, template, regex, comment
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def tokenize(src: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
            continue
        if src.startswith("//", i) or src.startswith("#!", i) and i == 0:
            end = src.find("\n", i)
            end = n if end < 0 else end
            tokens.append(Token("comment", src[i:end], i))
            i = end
            continue
        if src.startswith("/*", i):
            end = src.find("*/", i + 2)
            end = n if end < 0 else end + 2
            tokens.append(Token("comment", src[i:end], i))
            i = end
            continue
        if c in "'\"`":
            end = _string_end(src, i)
            tokens.append(Token("template" if c == "`" else "string", src[i:end], i))
            i = end
            continue
        if c == "/" and _regex_allowed(tokens):
            end = _regex_end(src, i)
            tokens.append(Token("regex", src[i:end], i))
            i = end
            continue
        word = _WORD.match(src, i)
        if word:
            tokens.append(Token("word", word.group(), i))
            i = word.end()
            continue
        number = _NUMBER.match(src, i) if c.isdigit() or (c == "." and src[i + 1:i + 2].isdigit()) else None
        if number and number.group():
            tokens.append(Token("number", number.group(), i))
            i = number.end()
            continue
        punct = next((p for p in _PUNCTUATORS if src.startswith(p, i)), c)
        tokens.append(Token("punct", punct, i))
        i += len(punct)
    return tokens


def _string_end(src: str, i: int) -> int:
    quote, j, depth = src[i], i + 1, 0
    while j < len(src):
        ch = src[j]
        if ch == "\\":
            j += 2
            continue
        if quote == "`" and src.startswith("${", j):
            depth += 1
            j += 2
            continue
        if quote == "`" and ch == "}" and depth:
            depth -= 1
        elif ch == quote and not depth:
            return j + 1
        elif ch == "\n" and quote != "`":
            return j  # unterminated string: stop at the line end
        j += 1
    return len(src)


def _regex_allowed(tokens: list[Token]) -> bool:
    code = [t for t in tokens if t.kind != "comment"]
    if not code:
        return True
    last = code[-1]
    if last.kind in ("number", "string", "template", "regex"):
        return False
    if last.kind == "word":
        return last.text in _REGEX_AFTER_WORDS
    return last.text not in (")", "]", "}", "++", "--")


def _regex_end(src: str, i: int) -> int:
    j, in_class = i + 1, False
    while j < len(src) and src[j] != "\n":
        ch = src[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            in_class = True
        elif ch == "]":
            in_class = False
        elif ch == "/" and not in_class:
            j += 1
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1  # flags
            return j
        j += 1
    return j


def line_of(src: str, index: int) -> int:
    return src.count("\n", 0, index) + 1


def mutants(name: str, src: str) -> list[Mutant]:
    tokens = tokenize(src)
    code = [t for t in tokens if t.kind != "comment"]
    found: list[Mutant] = []

    def replace(token: Token, new: str, kind: str, description: str):
        found.append(Mutant(name, line_of(src, token.start), kind, description,
                            src[:token.start] + new + src[token.end:]))

    for index, t in enumerate(code):
        previous = code[index - 1] if index else None
        if t.text in _SWAPS and t.kind in ("punct", "word"):
            new = _SWAPS[t.text]
            kind = {"&&": "logic", "||": "logic", "true": "boolean", "false": "boolean"}.get(t.text, "comparison")
            replace(t, new, kind, f"uses {new} instead of {t.text}")
        elif t.kind == "punct" and t.text in ("+", "-") and previous is not None and _is_operand_end(previous):
            new = "-" if t.text == "+" else "+"
            replace(t, new, "arithmetic", f"uses {new} instead of {t.text}")
        elif t.kind == "number" and t.text.isdigit():
            value = int(t.text)
            for delta in (1, -1):
                replace(t, f"({value + delta})" if value + delta < 0 else str(value + delta), "constant",
                        f"uses {value + delta} instead of {value}")
    found.extend(_dropped_statements(name, src, code))
    found.extend(_early_returns(name, src, code))
    return found


def _is_operand_end(token: Token) -> bool:
    if token.kind in ("number", "string", "template", "regex"):
        return True
    if token.kind == "word":
        return token.text not in _REGEX_AFTER_WORDS
    return token.text in (")", "]")


def _dropped_statements(name: str, src: str, code: list[Token]) -> list[Mutant]:
    """One mutant per line that holds exactly one simple statement ending with ';'."""
    found = []
    by_line: dict[int, list[int]] = {}
    depth_before: dict[int, int] = {}  # brace depth before each token
    depth = 0
    for index, t in enumerate(code):
        by_line.setdefault(line_of(src, t.start), []).append(index)
        depth_before[index] = depth
        depth += (t.text == "{") - (t.text == "}") if t.kind == "punct" else 0
    for line, indexes in by_line.items():
        first, last = code[indexes[0]], code[indexes[-1]]
        previous = code[indexes[0] - 1] if indexes[0] else None
        if depth_before[indexes[0]] == 0:
            continue  # top level (module.exports, constants): dropping it only breaks the import
        if last.text != ";" or first.text in _NO_DROP_START or first.kind in ("string", "template"):
            continue
        if previous is not None and previous.text not in (";", "{", "}"):
            continue  # the line continues a statement started above
        opened = sum(1 for i in indexes if code[i].text in "([{")
        if opened != sum(1 for i in indexes if code[i].text in ")]}"):
            continue
        # Template literals may span lines: only drop lines whose tokens all start and end here.
        if any(line_of(src, code[i].end - 1) != line for i in indexes):
            continue
        statement = src[first.start:last.end]
        found.append(Mutant(name, line, "statement", f"skips `{_short(statement)}`",
                            src[:first.start] + src[last.end:]))
    return found


def _early_returns(name: str, src: str, code: list[Token]) -> list[Mutant]:
    """`return undefined;` as the first statement of each function body."""
    found = []
    for index, t in enumerate(code):
        if t.text != "{" or index == 0:
            continue
        function_name = _function_before(code, index)
        if function_name is None:
            continue
        new = src[:t.end] + " return undefined;" + src[t.end:]
        where = function_name if function_name.startswith("an ") else f"{function_name}()"
        found.append(Mutant(name, line_of(src, t.start), "return",
                            f"returns undefined at the start of {where}", new))
    return found


def _function_before(code: list[Token], brace: int) -> str | None:
    """The name of the function whose body opens at code[brace], or None if it is not one."""
    previous = code[brace - 1]
    if previous.text == "=>":
        # name = (a, b) => {   or   name = a => {
        j = brace - 2
        if j >= 0 and code[j].text == ")":
            j = _matching_open(code, j) - 1
        else:
            j -= 1
        if j >= 0 and code[j].text == "async":
            j -= 1
        if j >= 1 and code[j].text in ("=", ":") and code[j - 1].kind == "word":
            return code[j - 1].text
        return "an arrow function"
    if previous.text != ")":
        return None
    opening = _matching_open(code, brace - 1)
    before = code[opening - 1] if opening > 0 else None
    if before is None:
        return None
    if before.text == "function":
        return "an anonymous function"
    if before.kind == "word" and opening >= 2 and code[opening - 2].text == "function":
        return before.text
    if before.kind == "word" and before.text not in ("if", "for", "while", "switch", "catch", "with") \
            and opening >= 2 and code[opening - 2].text in ("{", "}", ";", "async", "static", "get", "set"):
        return before.text  # a method in a class or object literal
    return None


def _matching_open(code: list[Token], close: int) -> int:
    pairs = {")": "(", "]": "[", "}": "{"}
    want, depth = pairs[code[close].text], 0
    for j in range(close, -1, -1):
        if code[j].text == code[close].text:
            depth += 1
        elif code[j].text == want:
            depth -= 1
            if depth == 0:
                return j
    return 0


def _short(code: str, limit: int = 50) -> str:
    return code if len(code) <= limit else code[: limit - 1] + "…"
