"""Small changes to the standard library inside T, so that tests written for a plain run work.

- runpy.run_path / runpy.run_module and subprocess.run / check_output on a learner file run it as
  a program in L (print-based exercises: `subprocess.run([sys.executable, "hello.py"], input=...,
  capture_output=True, text=True)`), with T's stdin and stdout standing for the program's.
- unittest's assertAlmostEqual refuses learner objects: it would otherwise ask the learner's own
  __sub__ / __rsub__ how far the object is from the expected number.
"""
from __future__ import annotations

import io
import os
import runpy
import subprocess
import sys
import unittest

import proxies

_PYTHONS = {"python", "python3", os.path.basename(sys.executable), sys.executable}


def install(chan, learner_files):
    files = set(learner_files)
    original_run_path, original_run_module = runpy.run_path, runpy.run_module
    original_run, original_check_output = subprocess.run, subprocess.check_output

    def learner_file(path):
        path = os.fspath(path)
        relative = os.path.relpath(path) if os.path.isabs(path) else os.path.normpath(path)
        return relative if relative in files else None

    def run_program(path, argv):
        code = chan.request("run_main", None, (path, [str(a) for a in argv]))
        return code if type(code) is int else 1

    def run_path(path_name, init_globals=None, run_name=None):
        path = learner_file(path_name)
        if path is None:
            return original_run_path(path_name, init_globals, run_name)
        code = run_program(path, [])
        if code:
            raise SystemExit(code)
        return {}

    def run_module(mod_name, init_globals=None, run_name=None, alter_sys=False):
        base = mod_name.replace(".", "/")
        path = learner_file(base + ".py") or learner_file(base + "/__main__.py")
        if path is None:
            return original_run_module(mod_name, init_globals, run_name, alter_sys)
        code = run_program(path, [])
        if code:
            raise SystemExit(code)
        return {}

    def program_of(args):
        if isinstance(args, (list, tuple)) and len(args) >= 2 \
                and os.path.basename(str(args[0])) in _PYTHONS | {os.path.basename(a) for a in _PYTHONS}:
            rest = [str(a) for a in args[1:]]
            while rest and rest[0] in ("-u", "-B", "-I", "-E", "-s"):
                rest.pop(0)
            if rest and rest[0] == "-m" and len(rest) > 1:
                base = rest[1].replace(".", "/")
                path = learner_file(base + ".py") or learner_file(base + "/__main__.py")
                return (path, rest[2:]) if path else None
            if rest and learner_file(rest[0]):
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
        result = subprocess.CompletedProcess(args, code, encode(out.getvalue()) if keep_out else None,
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


def _guard_almost_equal():
    for name in ("assertAlmostEqual", "assertNotAlmostEqual"):
        original = getattr(unittest.TestCase, name)

        def guarded(self, first, second, *args, _original=original, **kwargs):
            for value in (first, second):
                if isinstance(value, proxies.RemoteObject):
                    raise self.failureException(f"{value!r} is not a number")
            return _original(self, first, second, *args, **kwargs)

        setattr(unittest.TestCase, name, guarded)
