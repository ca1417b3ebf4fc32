"""A small stand-in for pytest inside the tests sandbox: what pytest-style test files use.

raises, approx, fixture, mark.parametrize / skip / skipif / xfail, param, fail, skip, warns.
The test runner (collect.py) reads the marks this module leaves on test functions. pytest itself
is not available in the sandbox; this shim is always used so behaviour does not depend on it.
"""
from __future__ import annotations

import inspect
import math
import re
import warnings

__all__ = ["raises", "approx", "fixture", "mark", "param", "fail", "skip", "warns", "xfail",
           "Failed", "Skipped"]


class Failed(AssertionError):
    """pytest.fail(): the test failed."""


class Skipped(Exception):
    """pytest.skip(): the test was skipped (graded as not passed)."""


class XFailed(Exception):
    """pytest.xfail(): the test declares it is expected to fail here."""


def fail(reason="", pytrace=True):
    raise Failed(reason)


def skip(reason="", allow_module_level=False):
    raise Skipped(reason)


def xfail(reason=""):
    raise XFailed(reason)


# -- raises ---------------------------------------------------------------------------------------
class ExceptionInfo:
    def __init__(self):
        self.type = self.value = self.tb = None

    def match(self, pattern):
        if not re.search(pattern, str(self.value)):
            raise AssertionError(f"regex {pattern!r} does not match {str(self.value)!r}")
        return True

    def __repr__(self):
        return f"<ExceptionInfo {self.type.__name__ if self.type else None}: {self.value!r}>"


class RaisesContext:
    def __init__(self, expected, match):
        self.expected, self.match_pattern = expected, match
        self.info = ExceptionInfo()

    def __enter__(self):
        return self.info

    def __exit__(self, kind, value, tb):
        names = (self.expected.__name__ if isinstance(self.expected, type)
                 else " or ".join(e.__name__ for e in self.expected))
        if kind is None:
            raise Failed(f"DID NOT RAISE {names}")
        if not issubclass(kind, self.expected):
            return False  # let the unexpected exception propagate, as pytest does
        self.info.type, self.info.value, self.info.tb = kind, value, tb
        if self.match_pattern is not None:
            self.info.match(self.match_pattern)
        return True


def raises(expected, *args, match=None, **kwargs):
    context = RaisesContext(expected, match)
    if not args:
        return context
    with context:
        args[0](*args[1:], **kwargs)
    return context.info


class WarnsContext(warnings.catch_warnings):
    def __init__(self, expected, match):
        super().__init__(record=True)
        self.expected, self.match_pattern = expected, match

    def __enter__(self):
        self.list = super().__enter__()
        warnings.simplefilter("always")
        return self.list

    def __exit__(self, *exc_info):
        super().__exit__(*exc_info)
        if exc_info[0] is None and not any(
                issubclass(w.category, self.expected)
                and (self.match_pattern is None or re.search(self.match_pattern, str(w.message)))
                for w in self.list):
            raise Failed(f"DID NOT WARN {self.expected.__name__}")
        return False


def warns(expected=Warning, *args, match=None, **kwargs):
    context = WarnsContext(expected, match)
    if not args:
        return context
    with context:
        return args[0](*args[1:], **kwargs)


# -- approx ---------------------------------------------------------------------------------------
def _is_number(value):
    # Exact builtin numbers only: a learner object (a proxy) is never "approximately" a number.
    return type(value) in (int, float, complex) or type(value).__name__ in ("Decimal", "Fraction")


class ApproxBase:
    def __init__(self, expected, rel=None, abs=None):
        self.expected, self.rel, self.abs = expected, rel, abs

    def _close(self, actual, expected):
        if not (_is_number(actual) and _is_number(expected)) or type(actual) is bool:
            return actual == expected if type(actual) is type(expected) else False
        if expected == actual:
            return True
        if isinstance(expected, float) and math.isnan(expected):
            return False
        absolute = 1e-12 if self.abs is None else self.abs
        relative = 1e-6 if self.rel is None else self.rel
        if self.rel is None and self.abs is not None:
            relative = 0
        tolerance = max(relative * abs(expected), absolute)
        return abs(actual - expected) <= tolerance

    def __eq__(self, actual):
        expected = self.expected
        if isinstance(expected, dict):
            return (type(actual) is dict and actual.keys() == expected.keys()
                    and all(self._close(actual[k], expected[k]) for k in expected))
        if isinstance(expected, (list, tuple)):
            return (type(actual) in (list, tuple) and len(actual) == len(expected)
                    and all(self._close(a, e) for a, e in zip(actual, expected)))
        return self._close(actual, expected)

    def __ne__(self, actual):
        return not self.__eq__(actual)

    __hash__ = None

    def __repr__(self):
        return f"approx({self.expected!r})"


def approx(expected, rel=None, abs=None, nan_ok=False):
    return ApproxBase(expected, rel, abs)


# -- marks, params, fixtures ----------------------------------------------------------------------
class ParameterSet:
    def __init__(self, values, marks, id):
        self.values, self.marks, self.id = values, marks, id


def param(*values, marks=(), id=None):
    marks = marks if isinstance(marks, (list, tuple)) else (marks,)
    # pytest.mark.xfail(...) is a decorator; the runner reads the Mark it carries
    return ParameterSet(values, tuple(m.mark if isinstance(m, MarkDecorator) else m
                                      for m in marks), id)


class Mark:
    def __init__(self, name, args, kwargs):
        self.name, self.args, self.kwargs = name, args, kwargs


class MarkDecorator:
    def __init__(self, name, args=(), kwargs=None):
        self.mark = Mark(name, args, kwargs or {})

    def __call__(self, *args, **kwargs):
        if len(args) == 1 and not kwargs and (inspect.isfunction(args[0])
                                              or inspect.isclass(args[0])):
            target = args[0]
            marks = list(getattr(target, "_jt_marks", []))
            target._jt_marks = [self.mark] + marks  # decorators apply bottom-up
            return target
        return MarkDecorator(self.mark.name, args, kwargs)


class _MarkFactory:
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return MarkDecorator(name)


mark = _MarkFactory()


def fixture(function=None, *, scope="function", params=None, autouse=False, name=None):
    def decorate(fn):
        fn._jt_fixture = {"scope": scope, "autouse": autouse, "name": name or fn.__name__,
                          "params": params}
        return fn
    return decorate(function) if callable(function) else decorate


def importorskip(modname, minversion=None, reason=None):
    try:
        return __import__(modname)
    except ImportError:
        raise Skipped(reason or f"could not import {modname!r}") from None
