"""Finding the tests of a test module (in T), and running pytest-style ones with fixtures.

unittest: TestCase classes, through unittest's own loader (same order as `python -m unittest`).
pytest style: `test*` functions and `Test*` classes (no __init__) in definition order, with
@pytest.mark.parametrize expanded into one test per case, and fixtures: the module's own
@pytest.fixture functions plus capsys, monkeypatch, tmp_path and caplog.
"""
from __future__ import annotations

import ast
import collections
import enum
import inspect
import io
import os
import pathlib
import re
import sys
import tempfile
import types
import unittest

import pytest  # the shim in shim/pytest.py

CaptureResult = collections.namedtuple("CaptureResult", "out err")


class PytestItem:
    def __init__(self, name, function, cls, params, marks):
        self.name, self.function, self.cls = name, function, cls
        self.params, self.marks = params, marks

    def mark(self, name):
        return next((m for m in self.marks if m.name == name), None)


def unittest_suite(module):
    """Like unittest's loadTestsFromModule, but only the test module's own load_tests() is
    honoured: one imported from the learner's module (`from bob import *`) is a learner
    function, and must not choose which tests run."""
    loader = unittest.TestLoader()
    cases = []
    for name in dir(module):
        value = getattr(module, name)
        if isinstance(value, type) and issubclass(value, unittest.TestCase) \
                and value not in (unittest.TestCase, unittest.FunctionTestCase):
            cases.append(loader.loadTestsFromTestCase(value))
    suite = loader.suiteClass(cases)
    load_tests = vars(module).get("load_tests")
    if _own_function(load_tests, module):
        suite = load_tests(loader, suite, None)
    return suite


def flatten(suite):
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            yield from flatten(item)
        else:
            yield item


def unittest_name(test):
    return f"{type(test).__qualname__}.{test._testMethodName}" if isinstance(
        test, unittest.TestCase) else str(test)


def _own_function(value, module):
    """A function the test file itself defines. Exact types: a learner function that the test
    file imports is a proxy, which passes isinstance(f, FunctionType) (see proxies._KINDS)."""
    return type(value) is types.FunctionType and value.__module__ == module.__name__


def pytest_items(module):
    items = []
    for name, value in list(vars(module).items()):
        if name.startswith("test") and _own_function(value, module):
            items += _expand(name, value, None)
        elif (name.startswith("Test") and inspect.isclass(value)
              and not issubclass(value, unittest.TestCase) and value.__module__ == module.__name__
              and "__init__" not in vars(value)):
            for method_name, method in list(vars(value).items()):
                if method_name.startswith("test") and type(method) is types.FunctionType:
                    items += _expand(f"{name}.{method_name}", method, value)
    return items


def _expand(name, function, cls):
    # Marks as pytest finds them: the function's, nearest decorator first, then the class's.
    marks = (list(reversed(getattr(function, "_jt_marks", [])))
             + list(reversed(getattr(cls, "_jt_marks", []))))
    cases = [({}, [], "")]
    for mark in (m for m in marks if m.name == "parametrize"):
        argnames, values = mark.args[0], list(mark.args[1])
        names = [n.strip() for n in argnames.split(",")] if isinstance(argnames, str) \
            else list(argnames)
        sets = []
        for value in values:
            if isinstance(value, pytest.ParameterSet):
                sets.append(value)
            else:
                sets.append(pytest.ParameterSet((value,) if len(names) == 1 else value, (), None))
        case_ids = _case_ids(names, sets, mark.kwargs.get("ids"))
        # pytest runs the first decorator's values slowest: for each case so far, every value.
        cases = [(dict(params, **dict(zip(names, one.values))), case_marks + list(one.marks),
                  f"{prefix}-{case_id}" if prefix else case_id)
                 for params, case_marks, prefix in cases
                 for one, case_id in zip(sets, case_ids)]
    return [PytestItem(f"{name}[{case_id}]" if case_id else name, function, cls, params,
                       marks + case_marks) for params, case_marks, case_id in cases]


def _case_ids(names, sets, ids):
    """The ids pytest gives one parametrize's cases (_pytest.python.IdMaker): explicit ids,
    else one part per value, made unique with a counter."""
    resolved = []
    for index, one in enumerate(sets):
        if one.id is not None:
            resolved.append(_escaped(str(one.id)))
        elif isinstance(ids, (list, tuple)) and index < len(ids) and ids[index] is not None:
            resolved.append(_id_from_value(ids[index]) or f"{names[0]}{index}")
        else:
            resolved.append("-".join(_id_part(v, n, index, ids) for v, n in zip(one.values, names)))
    counts = collections.Counter(resolved)
    suffixes = collections.defaultdict(int)
    for index, case_id in enumerate(resolved):
        if counts[case_id] > 1:
            sep = "_" if case_id and case_id[-1].isdigit() else ""
            new = f"{case_id}{sep}{suffixes[case_id]}"
            while new in resolved:
                suffixes[case_id] += 1
                new = f"{case_id}{sep}{suffixes[case_id]}"
            resolved[index] = new
            suffixes[case_id] += 1
    return resolved


def _id_part(value, name, index, ids):
    if callable(ids):
        made = ids(value)
        if made is not None:
            return _id_from_value(made) or f"{name}{index}"
    if isinstance(value, (str, bytes)):
        return _escaped(value) if len(value) <= 100 else f"{name}{index}"
    return _id_from_value(value) or f"{name}{index}"


def _id_from_value(value):
    if isinstance(value, (str, bytes)):
        return _escaped(value)
    if value is None or isinstance(value, (int, float, complex, enum.Enum)):
        return str(value)
    if isinstance(value, re.Pattern):
        return _escaped(value.pattern)
    name = getattr(value, "__name__", None)
    return name if isinstance(name, str) else None


_NON_PRINTABLE = {i: f"\\x{i:02x}" for i in range(128) if i not in range(32, 127)}
_NON_PRINTABLE.update({ord("\t"): "\\t", ord("\r"): "\\r", ord("\n"): "\\n"})


def _escaped(value):
    """pytest's ascii_escaped: non-ASCII and unprintable characters as escapes."""
    text = value.decode("ascii", "backslashreplace") if isinstance(value, bytes) \
        else value.encode("unicode_escape").decode("ascii")
    return text.translate(_NON_PRINTABLE)


def names_from_source(source):
    """Test names from the source alone, for a test file that cannot be imported because the
    learner's module it imports is broken: each of those tests is then failed by name."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    names = []
    for node in tree.body:
        is_function = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        if is_function and node.name.startswith("test"):
            names.append(node.name)
        elif isinstance(node, ast.ClassDef):
            methods = sorted(n.name for n in node.body
                             if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                             and n.name.startswith("test"))
            if methods and (node.name.startswith("Test") or node.bases):
                names += [f"{node.name}.{m}" for m in methods]
    return names


# -- running one pytest-style test ----------------------------------------------------------
class Caplog:
    """pytest's caplog: records reaching the root logger during the test (learner code's too,
    through logging_mirror), with set_level / at_level."""

    FORMAT = "%(levelname)-8s %(name)s:%(filename)s:%(lineno)d %(message)s"

    def __init__(self):
        import logging
        self._logging = logging
        self.handler = _ListHandler()
        self.handler.setFormatter(logging.Formatter(self.FORMAT))
        logging.root.addHandler(self.handler)
        self._levels = {}  # logger name -> level to put back

    @property
    def records(self):
        return self.handler.records

    @property
    def record_tuples(self):
        return [(r.name, r.levelno, r.getMessage()) for r in self.records]

    @property
    def messages(self):
        return [r.getMessage() for r in self.records]

    @property
    def text(self):
        return "".join(self.handler.format(r) + "\n" for r in self.records)

    def clear(self):
        self.handler.records.clear()

    def set_level(self, level, logger=None):
        target = self._logging.getLogger(logger)
        self._levels.setdefault(logger, target.level)
        target.setLevel(level)
        self.handler.setLevel(level)

    def at_level(self, level, logger=None):
        import contextlib

        @contextlib.contextmanager
        def changed():
            target = self._logging.getLogger(logger)
            saved, saved_handler = target.level, self.handler.level
            target.setLevel(level)
            self.handler.setLevel(level)
            try:
                yield
            finally:
                target.setLevel(saved)
                self.handler.setLevel(saved_handler)
        return changed()

    def close(self):
        for name, level in self._levels.items():
            self._logging.getLogger(name).setLevel(level)
        self._logging.root.removeHandler(self.handler)


def _ListHandler():
    import logging

    class ListHandler(logging.Handler):
        def __init__(self):
            super().__init__(logging.NOTSET)
            self.records = []

        def emit(self, record):
            self.records.append(record)

    return ListHandler()


class Capsys:
    def __init__(self):
        self._saved = (sys.stdout, sys.stderr)
        sys.stdout, sys.stderr = self._out, self._err = io.StringIO(), io.StringIO()

    def readouterr(self):
        result = CaptureResult(self._out.getvalue(), self._err.getvalue())
        for stream in (self._out, self._err):
            stream.seek(0)
            stream.truncate()
        return result

    def close(self):
        sys.stdout, sys.stderr = self._saved


class MonkeyPatch:
    _missing = object()

    def __init__(self):
        self._undo = []

    def setattr(self, target, name, value=_missing, raising=True):
        if value is self._missing:
            module_name, _, attribute = target.rpartition(".")
            target, name, value = __import__(module_name, fromlist=["_"]), attribute, name
        old = getattr(target, name, self._missing)
        if old is self._missing and raising:
            raise AttributeError(f"{target!r} has no attribute {name!r}")
        self._undo.append(lambda: delattr(target, name) if old is self._missing
                          else setattr(target, name, old))
        setattr(target, name, value)

    def delattr(self, target, name, raising=True):
        if not hasattr(target, name):
            if raising:
                raise AttributeError(name)
            return
        old = getattr(target, name)
        self._undo.append(lambda: setattr(target, name, old))
        delattr(target, name)

    def setitem(self, mapping, key, value):
        old = mapping.get(key, self._missing)
        self._undo.append(lambda: mapping.pop(key, None) if old is self._missing
                          else mapping.__setitem__(key, old))
        mapping[key] = value

    def delitem(self, mapping, key, raising=True):
        if key not in mapping:
            if raising:
                raise KeyError(key)
            return
        old = mapping[key]
        self._undo.append(lambda: mapping.__setitem__(key, old))
        del mapping[key]

    def setenv(self, name, value, prepend=None):
        self.setitem(os.environ, name, str(value))

    def delenv(self, name, raising=True):
        self.delitem(os.environ, name, raising)

    def syspath_prepend(self, path):
        sys.path.insert(0, str(path))
        self._undo.append(lambda: sys.path.remove(str(path)))

    def chdir(self, path):
        old = os.getcwd()
        os.chdir(path)
        self._undo.append(lambda: os.chdir(old))

    def undo(self):
        while self._undo:
            self._undo.pop()()


class Fixtures:
    """Resolves a test's parameters; per-module cache for fixtures with a wider scope."""

    def __init__(self, module):
        self.defined = {}
        for value in vars(module).values():
            info = getattr(value, "_jt_fixture", None)
            if isinstance(info, dict) and type(value) is types.FunctionType:
                self.defined[info["name"]] = (value, info)
        self.module_cache, self.module_teardown = {}, []

    def run(self, item):
        cache, teardown = {}, []
        try:
            for name, (_, info) in self.defined.items():
                if info["autouse"]:
                    self._value(name, item, cache, teardown, [])
            instance = item.cls() if item.cls is not None else None
            function = item.function.__get__(instance) if instance is not None else item.function
            if instance is not None and hasattr(instance, "setup_method"):
                instance.setup_method(item.function)
            try:
                kwargs = {name: self._value(name, item, cache, teardown, [])
                          for name in inspect.signature(function).parameters}
                result = function(**kwargs)
                if type(result) is types.GeneratorType:
                    raise TypeError("a test function must not yield")
            finally:
                if instance is not None and hasattr(instance, "teardown_method"):
                    instance.teardown_method(item.function)
        finally:
            for step in reversed(teardown):
                step()

    def close(self):
        for step in reversed(self.module_teardown):
            try:
                step()
            except Exception:
                pass

    def _value(self, name, item, cache, teardown, chain):
        if name in item.params:
            return item.params[name]
        if name in cache:
            return cache[name]
        if name in self.module_cache:
            return self.module_cache[name]
        if name in chain:
            raise RuntimeError(f"fixture {name!r} depends on itself")
        if name == "capsys" or name == "capfd":
            capture = cache[name] = Capsys()
            teardown.append(capture.close)
            return capture
        if name == "monkeypatch":
            patcher = cache[name] = MonkeyPatch()
            teardown.append(patcher.undo)
            return patcher
        if name == "caplog":
            caplog = cache[name] = Caplog()
            teardown.append(caplog.close)
            return caplog
        if name in ("tmp_path", "tmpdir"):
            cache[name] = pathlib.Path(tempfile.mkdtemp(dir=os.getcwd()))
            return cache[name]
        if name not in self.defined:
            raise LookupError(f"fixture {name!r} not found (test {item.name})")
        function, info = self.defined[name]
        wider = info["scope"] != "function"
        kwargs = {arg: self._value(arg, item, cache, teardown, chain + [name])
                  for arg in inspect.signature(function).parameters}
        value = function(**kwargs)
        if type(value) is types.GeneratorType:
            generator = value
            value = next(generator)
            (self.module_teardown if wider else teardown).append(
                lambda: next(generator, None))
        (self.module_cache if wider else cache)[name] = value
        return value
