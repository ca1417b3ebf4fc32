"""Assertion rewriting for test files (run in T, on trusted test code only).

`assert somme([1, 2]) == 4` fails with "assert somme([1, 2]) == 4 / left: 3 / right: 4" instead of
a bare AssertionError, as pytest would say it. Each operand is evaluated exactly once, in order.
"""
from __future__ import annotations

import ast
import re
import reprlib

_repr = reprlib.Repr()
_repr.maxstring = _repr.maxother = 200
_repr.maxlist = _repr.maxtuple = _repr.maxdict = _repr.maxset = 20
_OPS = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
        ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in"}
HELPER = "_jt_assert_message"
_ASSERT = re.compile(r"\bassert\b")


def _show(value):
    try:
        return _repr.repr(value)
    except BaseException:
        return f"<{type(value).__name__} object>"


def assert_message(source, has_operands, left, right, message):
    lines = [f"{message}" if message is not None else "", f"assert {source}"]
    if has_operands:
        lines += [f"  left:  {_show(left)}", f"  right: {_show(right)}"]
    elif left is not None and not isinstance(left, bool):
        lines += [f"  value: {_show(left)}"]
    return "\n".join(line for line in lines if line)


class _Rewriter(ast.NodeTransformer):
    def __init__(self, source):
        self.source = source
        self.counter = 0

    def visit_Assert(self, node):
        self.counter += 1
        left_name, right_name = f"_jt_left_{self.counter}", f"_jt_right_{self.counter}"
        text = ast.get_source_segment(self.source, node.test) or ast.unparse(node.test)
        test = node.test
        message = node.msg if node.msg is not None else ast.Constant(None)
        body = []
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and type(test.ops[0]) in _OPS:
            body.append(ast.Assign([ast.Name(left_name, ast.Store())], test.left))
            body.append(ast.Assign([ast.Name(right_name, ast.Store())], test.comparators[0]))
            check = ast.Compare(ast.Name(left_name, ast.Load()), test.ops,
                                [ast.Name(right_name, ast.Load())])
            operands = [ast.Constant(True), ast.Name(left_name, ast.Load()),
                        ast.Name(right_name, ast.Load())]
        else:
            body.append(ast.Assign([ast.Name(left_name, ast.Store())], test))
            check = ast.Name(left_name, ast.Load())
            operands = [ast.Constant(False), ast.Name(left_name, ast.Load()), ast.Constant(None)]
        explain = ast.Call(ast.Name(HELPER, ast.Load()), [ast.Constant(text), *operands, message],
                           [])
        body.append(ast.If(ast.UnaryOp(ast.Not(), check),
                           [ast.Raise(ast.Call(ast.Name("AssertionError", ast.Load()), [explain],
                                               []), None)], []))
        for statement in body:
            ast.copy_location(statement, node)
        return body


def compile_test(source, filename):
    """Compile a test file with rewritten asserts; raises SyntaxError like compile()."""
    if not _ASSERT.search(source):  # no assert statement (unittest style): nothing to rewrite
        return compile(source, filename, "exec", dont_inherit=True)
    tree = ast.parse(source, filename)
    tree = _Rewriter(source).visit(tree)
    ast.fix_missing_locations(tree)
    return compile(tree, filename, "exec", dont_inherit=True)
