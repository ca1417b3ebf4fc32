"""The tests sandbox (T): runs the exercise's tests against the learner's code in sandbox L.

T holds the test files and this harness; it never imports learner code. `import somme` in a test
gives a proxy module whose attributes and calls are requests to L (proxies.py, channel.py).
T writes one JSON line per test, then a final "done" line, on the stdout it was started with;
test code and learner output only ever reach sys.stdout, which is re-pointed elsewhere, so
neither can write a result line. argv: TO_LEARNER_FD FROM_LEARNER_FD.

Started ahead of time by the warm pool: it imports everything, then blocks reading its request
(test files, learner module names, wall budget) on stdin. Standard library only.
"""
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [_HERE, os.path.join(_HERE, "shim")]
import channel  # noqa: E402
import collect  # noqa: E402
import filesync  # noqa: E402
import proxies  # noqa: E402
import rewrite  # noqa: E402
import patches  # noqa: E402
import sharing  # noqa: E402,F401  (imported by wire)
import wire  # noqa: E402
import pytest  # noqa: E402,F401  (the shim, imported now so that tests find it warm)
sys.path.remove(_HERE)
# Free these names for the learner's own modules (a learner may well write a wire.py).
for _name in ("channel", "collect", "filesync", "logging_mirror", "patches", "proxies",
              "rewrite", "sharing", "warnings_mirror", "wire"):
    sys.modules[f"_jobintech_{_name}"] = sys.modules.pop(_name)

import importlib.util  # noqa: E402
import inspect  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
import types  # noqa: E402
import unittest  # noqa: E402

# Not imported ahead: unittest.mock (with asyncio) would add 8 MB to the zygote, which every run
# pays for when it is forked; the few tests that use it import it themselves.
tempfile.gettempdir()  # found once in the zygote: every run has the same, fresh /tmp
MAX_MESSAGE = 3000
FLUSH_SECONDS = 0.05
TESTS_DIR = None  # made by main(): a zygote forks each run into its own, fresh /tmp
LearnerUnavailable = channel.LearnerUnavailable


class Sink(io.TextIOBase):
    """Default sys.stdout of the tests: learner output is recorded by the channel already."""

    def writable(self):
        return True

    def write(self, text):
        return len(text)


class Harness:
    def __init__(self, results, request, chan):
        self.results = results
        self.flushed = time.monotonic()
        self.request = request
        self.channel = chan
        self.test_files = [t["name"] for t in request["tests"]]
        chan.test_modules = {name[:-3].replace("/", ".") for name in self.test_files}

    def emit(self, record):
        # Written at once only now and then: the host wakes up for each write, and a run that
        # ends early (killed at the wall limit) still reports what it had finished.
        self.results.write(json.dumps(record) + "\n")
        now = time.monotonic()
        if "done" in record or "fatal" in record or now - self.flushed > FLUSH_SECONDS:
            self.results.flush()
            self.flushed = now

    # -- messages -------------------------------------------------------------------------------
    def describe(self, exc):
        """(outcome, message, reason) for an exception a test ended with. Never raises: the
        exception may carry learner objects whose str() is a request that can fail."""
        try:
            return self._describe(exc)
        except BaseException:  # noqa: B902
            return "error", type(exc).__name__, ""

    def _describe(self, exc):
        if isinstance(exc, LearnerUnavailable):
            return "failed", str(exc), exc.reason
        if getattr(exc, "_jt_remote", False):
            return self._describe_remote(exc)
        if isinstance(exc, AssertionError):
            text = str(exc) or "assertion failed"
            return "failed", text + ("\n " if "\n" in text else "") + self._test_line(exc), ""
        if isinstance(exc, pytest.Skipped) or isinstance(exc, unittest.SkipTest):
            return "failed", f"Test skipped: {exc}", "skipped"
        return "error", f"{type(exc).__name__}: {exc}{self._test_line(exc)}", ""

    @staticmethod
    def _describe_remote(exc):
        where = getattr(exc, "_jt_where", [])
        if isinstance(exc, SyntaxError):
            file, line = (where[-1][0], where[-1][1]) if where else ("your code", "?")
            return "failed", f"{type(exc).__name__} in {file} line {line}: {exc.msg}", "syntax"
        text = str(exc)
        message = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
        for file, line, function, source in where[-3:]:
            message += f"\n  {file} line {line}, in {function}: {source.strip()}"
        outcome = "failed" if isinstance(exc, AssertionError) else "error"
        exhausted = isinstance(exc, MemoryError) and getattr(exc, "_jt_exhausted", False)
        return outcome, message, "memory" if exhausted else ""

    def _test_line(self, exc):
        frames = [f for f in _walk_tb(exc.__traceback__) if f[0] in self.test_files]
        return f" ({frames[-1][0]} line {frames[-1][1]})" if frames else ""

    def result(self, name, file, outcome, message, reason=""):
        if self.channel.failed_during_test and outcome == "passed":
            outcome, message = "failed", str(self.channel.unavailable)
            reason = self.channel.unavailable.reason
        if reason == "memory":  # the test could not complete: the learner's code ran out of
            self.channel.flags.add("memory")  # memory (one caught by the test is just a value)
        self.emit({"test": name, "file": file, "outcome": outcome,
                   "message": message[:MAX_MESSAGE], "reason": reason})

    # -- running --------------------------------------------------------------------------------
    def run(self):
        for spec in self.request["tests"]:
            module = self.load(spec)
            if module is not None:
                self.run_module(spec, module)
        self.emit({"done": True, "flags": sorted(self.channel.flags),
                   "unavailable": self.channel.unavailable.reason if self.channel.unavailable
                   else None, "output": "".join(self.channel.output)})

    def load(self, spec):
        name, source = spec["name"], spec["content"]
        module_name = name[:-3].replace("/", ".")
        try:
            code = rewrite.compile_test(source, name)
        except SyntaxError as exc:
            raise AuthorError(f"{name} line {exc.lineno}: SyntaxError: {exc.msg}") from None
        module = importlib.util.module_from_spec(
            importlib.util.spec_from_loader(module_name, loader=None, origin=name))
        module.__file__ = os.path.join(TESTS_DIR, name)
        module.__dict__[rewrite.HELPER] = rewrite.assert_message
        sys.modules[module_name] = module
        self.channel.failed_during_test = False
        try:
            exec(code, module.__dict__)
        except BaseException as exc:  # noqa: B902 - whatever the import did, report it
            if not self._learner_fault(exc):
                frames = [f for f in _walk_tb(exc.__traceback__) if f[0] == name]
                line = frames[-1][1] if frames else "?"
                raise AuthorError(f"{name} line {line}: {type(exc).__name__}: {exc}") from None
            cause = _root_cause(exc)
            if isinstance(exc, ImportError) and not getattr(exc, "_jt_remote", False):
                outcome, message, reason = "failed", f"ImportError: {exc}", "import"
            else:
                outcome, message, reason = self.describe(cause)
            if reason == "":
                message = f"Could not import your code: {message}"
            names = collect.names_from_source(source) or [module_name]
            for test_name in names:
                self.result(test_name, name, "failed", message, reason)
            return None
        return module

    def _learner_fault(self, exc):
        cause = _root_cause(exc)
        if isinstance(cause, LearnerUnavailable) or getattr(cause, "_jt_remote", False):
            return True
        if isinstance(exc, ImportError) and exc.name:
            top = exc.name.partition(".")[0]
            if top in self.request["learner_modules"]:
                return True  # `from somme import somme` and somme.py has no somme
            if isinstance(exc, ModuleNotFoundError):  # a file the exercise asks for is missing
                return top in self.request.get("expected_modules", ())
        return False

    def run_module(self, spec, module):
        suite = collect.unittest_suite(module)
        expected = [collect.unittest_name(t) for t in collect.flatten(suite)]
        collector = Collector(self, spec["name"])
        suite.run(collector)
        for name in expected:
            if name not in collector.reported:
                self.result(name, spec["name"], "failed",
                            collector.fixture_error or "The test did not run.")
        items = collect.pytest_items(module)
        if items:
            self.run_pytest_items(spec["name"], module, items)

    def run_pytest_items(self, file, module, items):
        fixtures = collect.Fixtures(module)
        setup_error = None
        try:
            _call_hook(module, "setup_module", module)
        except BaseException as exc:  # noqa: B902 - every test of the file then fails with it
            setup_error = self.describe(exc)
        for item in items:
            self.channel.failed_during_test = False
            if setup_error is not None:
                self.result(item.name, file, "failed", f"setup_module: {setup_error[1]}",
                            setup_error[2])
                continue
            outcome, message, reason = "passed", "", ""
            skip = item.mark("skip") or next((m for m in item.marks if m.name == "skipif"
                                              and m.args and m.args[0]), None)
            if skip is not None:
                outcome, message = "failed", "Test skipped: " + str(
                    skip.kwargs.get("reason", "") or (skip.args[1:] or [""])[0])
            else:
                try:
                    if item.cls is None:
                        _call_hook(module, "setup_function", item.function)
                    try:
                        fixtures.run(item)
                    finally:
                        if item.cls is None:
                            _call_hook(module, "teardown_function", item.function)
                    if item.mark("xfail") and item.mark("xfail").kwargs.get("strict", False):
                        outcome, message = "failed", "Expected to fail, but passed."
                except BaseException as exc:  # noqa: B902
                    outcome, message, reason = self.describe(exc)
                    # A test marked xfail that fails is an expected failure, as in pytest
                    # and unittest; never when the learner's code stopped answering.
                    if item.mark("xfail") and not isinstance(exc, LearnerUnavailable):
                        outcome, message = "passed", ""
            self.result(item.name, file, outcome, message, reason)
        fixtures.close()
        try:
            _call_hook(module, "teardown_module", module)
        except BaseException:  # noqa: B902 - the tests have been reported already
            pass


class Collector(unittest.TestResult):
    """Per-test outcomes from a unittest suite run, reported as each test ends."""

    def __init__(self, harness, file):
        super().__init__()
        self.harness, self.file = harness, file
        self.reported = set()
        self.fixture_error = ""
        self.current = None

    def startTest(self, test):
        super().startTest(test)
        self.harness.channel.failed_during_test = False
        self.current = ["passed", "", ""]

    def _set(self, outcome, message, reason=""):
        if self.current is not None and self.current[0] == "passed":
            self.current = [outcome, message, reason]

    def addError(self, test, err):
        outcome, message, reason = self.harness.describe(err[1])
        if not isinstance(test, unittest.TestCase):  # setUpClass / setUpModule failed
            self.fixture_error = f"{test}: {message}"
            return
        self._set(outcome, message, reason)

    def addFailure(self, test, err):
        outcome, message, reason = self.harness.describe(err[1])
        self._set("failed" if outcome == "error" else outcome, message, reason)

    def addSubTest(self, test, subtest, err):
        if err is not None:
            outcome, message, reason = self.harness.describe(err[1])
            try:  # its parameters' repr is learner code (it may fail)
                where = subtest._subDescription()
            except BaseException:  # noqa: B902
                where = "(sub-test)"
            self._set(outcome, f"{where}: {message}", reason)

    def addSkip(self, test, reason):
        self._set("failed", f"Test skipped: {reason}", "skipped")

    def addExpectedFailure(self, test, err):
        if isinstance(err[1], LearnerUnavailable):
            self._set(*self.harness.describe(err[1]))

    def addUnexpectedSuccess(self, test):
        self._set("failed", "Expected to fail, but passed.")

    def stopTest(self, test):
        super().stopTest(test)
        name = collect.unittest_name(test)
        if self.current is not None and name not in self.reported:
            self.reported.add(name)
            self.harness.result(name, self.file, *self.current)
        self.current = None


class AuthorError(Exception):
    """The test files themselves are broken: the exercise's author must fix them."""


def _call_hook(module, name, argument):
    """pytest's setup_module / setup_function style hooks, with or without their argument."""
    hook = vars(module).get(name)
    if type(hook) is not types.FunctionType or hook.__module__ != module.__name__:
        return
    hook(argument) if inspect.signature(hook).parameters else hook()


def _walk_tb(tb):
    frames = []
    while tb is not None:
        code = tb.tb_frame.f_code
        frames.append((os.path.relpath(code.co_filename) if os.path.isabs(code.co_filename)
                       else code.co_filename, tb.tb_lineno))
        tb = tb.tb_next
    return frames


def _root_cause(exc):
    """The learner-side exception behind *exc*, if one is in its chain, else *exc*."""
    seen = exc
    for _ in range(10):
        if seen is None:
            break
        if isinstance(seen, LearnerUnavailable) or getattr(seen, "_jt_remote", False):
            return seen
        seen = seen.__cause__ or seen.__context__
    return exc


def _write_tests(tests, directory):
    """Test files go to a private directory on sys.path, not to the working directory, where
    files the learner's code writes arrive (filesync.py): those must never be importable."""
    for spec in tests:
        name = spec["name"]
        if not name.endswith(".py"):
            raise AuthorError(f"test file {name!r} must be a Python file ending in .py")
        parts = name.split("/")
        if name.startswith("/") or any(p in ("", ".", "..") for p in parts):
            raise AuthorError(f"test file name {name!r} is not allowed")
        if len(parts) > 1:
            os.makedirs(os.path.join(directory, *parts[:-1]), exist_ok=True)
        with open(os.path.join(directory, name), "w", encoding="utf-8") as handle:
            handle.write(spec["content"])


def main(to_learner, from_learner):
    global TESTS_DIR
    TESTS_DIR = tempfile.mkdtemp(prefix="jobintech-tests-")
    results = os.fdopen(os.dup(1), "w", encoding="utf-8")
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    started = time.monotonic()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    # Learner output and test prints go nowhere by default (the channel records the learner's);
    # the real stderr stays for the harness's own diagnostics.
    sys.stdout, sys.stderr, sys.stdin = Sink(), Sink(), io.StringIO("")
    chan = channel.Channel(wire.Pipe(from_learner, to_learner), filesync.FileMirror(os.getcwd()),
                           started + float(request["wall_seconds"]), proxies.make_proxy,
                           proxies.decode_special, proxies.make_exception)
    proxies.CHANNEL = chan
    harness = Harness(results, request, chan)
    try:
        _write_tests(request["tests"], TESTS_DIR)
        sys.path.insert(0, TESTS_DIR)
        finder = proxies.LearnerFinder(request["learner_modules"], harness.test_files)
        sys.meta_path.insert(0, finder)
        patches.install(chan, request["learner_modules"])
        harness.run()
    except AuthorError as exc:
        harness.emit({"fatal": str(exc)})
    except BaseException:  # a harness bug: say so on stderr; no "done" line means status error
        traceback.print_exc(file=sys.__stderr__)
    results.close()
    os._exit(0)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
