"""Small changes to the standard library inside T, so that tests written for a plain run work.

- runpy.run_path / runpy.run_module and subprocess.run / check_output on a learner file run it as
  a program in L (print-based exercises: `subprocess.run([sys.executable, "hello.py"], input=...,
  capture_output=True, text=True)`), with T's stdin and stdout standing for the program's.
- unittest's assertAlmostEqual refuses learner objects: it would otherwise ask the learner's own
  __sub__ / __rsub__ how far the object is from the expected number.
- `random` and `time` are mirrored: in a plain run the tests and the learner's code share these
  modules, so `mock.patch("random.randint", ...)`, `monkeypatch.setattr(time, "sleep", ...)` and
  `random.seed(42)` in a test also apply to the learner's code. Here they are forwarded to L.
"""
from __future__ import annotations

import io
import os
import random
import runpy
import subprocess
import sys
import time
import types
import unittest

import proxies

_PYTHONS = {"python", "python3", os.path.basename(sys.executable)}


def install(chan, learner_modules):
    modules = set(learner_modules)
    original_run_path, original_run_module = runpy.run_path, runpy.run_module
    original_run, original_check_output = subprocess.run, subprocess.check_output

    def learner_file(path):
        """The path, relative to the working directory, of a program to run in L: any file of
        the working directory (where the learner's files are, and where files its code writes
        arrive). Such a file is never run here, in T."""
        relative = os.path.relpath(os.path.abspath(os.fspath(path)))
        return None if relative == ".." or relative.startswith("../") else relative

    def learner_module_file(name):
        if name.partition(".")[0] not in modules:
            return None
        base = name.replace(".", "/")
        return base + "/__main__.py" if chan.request(
            "is_package", None, (name,)) else base + ".py"

    def run_program(path, argv):
        code = chan.request("run_main", None, (path, [str(a) for a in argv]))
        return code if type(code) is int else 1

    def run_as_runpy(path):
        # runpy lets the program's SystemExit through as it is: sys.exit(0) raises too
        answer = chan.request("run_main", None, (path, [], True))
        if type(answer) is list and len(answer) == 2 and answer[0] == "exit":
            code = answer[1]
            raise SystemExit(code if code is None or type(code) in (int, bool, str) else 1)
        return {}

    def run_path(path_name, init_globals=None, run_name=None):
        path = learner_file(path_name)
        if path is None:
            return original_run_path(path_name, init_globals, run_name)
        return run_as_runpy(path)

    def run_module(mod_name, init_globals=None, run_name=None, alter_sys=False):
        path = learner_module_file(mod_name)
        if path is None:
            return original_run_module(mod_name, init_globals, run_name, alter_sys)
        return run_as_runpy(path)

    def program_of(args):
        if isinstance(args, (list, tuple)) and len(args) >= 2 \
                and os.path.basename(str(args[0])) in _PYTHONS:
            rest = [str(a) for a in args[1:]]
            while rest and rest[0] in ("-u", "-B", "-I", "-E", "-s"):
                rest.pop(0)
            if rest and rest[0] == "-m" and len(rest) > 1:
                path = learner_module_file(rest[1])
                return (path, rest[2:]) if path else None
            if rest and not rest[0].startswith("-") and learner_file(rest[0]):
                return learner_file(rest[0]), rest[1:]
        return None

    def run(args, *rest, input=None, capture_output=False, stdout=None, stderr=None,
            text=None, universal_newlines=None, check=False, timeout=None, encoding=None,
            **kwargs):
        program = program_of(args)
        if program is None or rest:
            return original_run(args, *rest, input=input, capture_output=capture_output,
                                stdout=stdout, stderr=stderr, text=text,
                                universal_newlines=universal_newlines, check=check,
                                timeout=timeout, encoding=encoding, **kwargs)
        as_text = bool(text or universal_newlines or encoding)
        if isinstance(input, (bytes, bytearray)):
            input = bytes(input).decode("utf-8", "replace")
        keep_out = capture_output or stdout == subprocess.PIPE
        keep_err = capture_output or stderr == subprocess.PIPE
        merge = stderr == subprocess.STDOUT
        saved = sys.stdin, sys.stdout, sys.stderr
        out, err = io.StringIO(), io.StringIO()
        sys.stdin = io.StringIO(input or "")
        if keep_out:
            sys.stdout = out
        if keep_err or merge:
            sys.stderr = out if merge else err
        try:
            code = run_program(*program)
        finally:
            sys.stdin, sys.stdout, sys.stderr = saved
        encode = (lambda s: s) if as_text else (lambda s: s.encode("utf-8"))
        result = subprocess.CompletedProcess(args, code,
                                             encode(out.getvalue()) if keep_out else None,
                                             encode(err.getvalue()) if keep_err else None)
        if check:
            result.check_returncode()
        return result

    def check_output(args, *rest, **kwargs):
        if program_of(args) is None or rest:
            return original_check_output(args, *rest, **kwargs)
        kwargs.pop("stdout", None)
        return run(args, stdout=subprocess.PIPE, check=True, **kwargs).stdout

    runpy.run_path, runpy.run_module = run_path, run_module
    subprocess.run, subprocess.check_output = run, check_output
    _guard_almost_equal()
    _mirror(chan, random, seed_too=True)
    _mirror(chan, time)


class MirroredModule(types.ModuleType):
    """A standard module whose public attributes, when a test sets them, are set in L too;
    setting an attribute back to its original value restores L's own original."""

    def __setattr__(self, name, value):
        super().__setattr__(name, value)
        self._jt_forward(name, value, False)

    def __delattr__(self, name):
        super().__delattr__(name)
        self._jt_forward(name, None, True)

    def _jt_forward(self, name, value, deleted):
        chan = vars(self).get("_jt_channel")
        if chan is None or name.startswith("_") or chan.unavailable is not None:
            return
        restore = deleted or value is vars(self)["_jt_originals"].get(name, _MISSING)
        chan.request("mirror_set", None, (self.__name__, name, None if restore else value,
                                          restore))


_MISSING = object()


def _mirror(chan, module, seed_too=False):
    if seed_too:
        original_seed = module.seed

        def seed(a=None, version=2):
            original_seed(a, version)
            if chan.unavailable is None:
                chan.request("mirror_call", None, (module.__name__, "seed", (a, version)))

        vars(module)["seed"] = seed
    vars(module)["_jt_originals"] = dict(vars(module))
    vars(module)["_jt_channel"] = chan
    module.__class__ = MirroredModule


def _guard_almost_equal():
    for name in ("assertAlmostEqual", "assertNotAlmostEqual"):
        original = getattr(unittest.TestCase, name)

        def guarded(self, first, second, *args, _original=original, **kwargs):
            for value in (first, second):
                if isinstance(value, proxies.RemoteObject):
                    raise self.failureException(f"{value!r} is not a number")
            return _original(self, first, second, *args, **kwargs)

        setattr(unittest.TestCase, name, guarded)
