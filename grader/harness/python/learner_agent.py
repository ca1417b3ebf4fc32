"""The learner-side agent (sandbox L): holds the learner's files and nothing else.

It imports the learner's modules when the tests sandbox (T) asks, and serves T's requests on
them over the pipe: attribute access, calls, common operators. It never decides whether a test
passed; it only answers questions, so nothing the learner's code does here can forge a result.
Whatever it prints is captured per request and sent back with the answer.

Started ahead of time by the warm pool: it imports what it needs, then blocks reading its set-up
(the learner's files, as JSON) on stdin. main(REQUEST_FD, RESPONSE_FD), from the zygote
(zygote_server.py) or from argv. Standard library only.
"""
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, _HERE)
import filesync  # noqa: E402
import sharing  # noqa: E402,F401  (imported by wire; freed below)
import wire  # noqa: E402
from learner_process import Environment, memory_exhausted, tests_exception, write_files  # noqa: E402
from learner_streams import Capture, OutputLimit, TestsStdin  # noqa: E402
from logging_mirror import LearnerLogging  # noqa: E402
from warnings_mirror import LearnerWarnings  # noqa: E402
sys.path.remove(_HERE)
for _name in ("filesync", "sharing", "wire", "learner_process", "learner_streams",
              "logging_mirror", "warnings_mirror"):  # free the names for the learner's own modules
    sys.modules[f"_jobintech_{_name}"] = sys.modules.pop(_name)

import builtins  # noqa: E402
import importlib  # noqa: E402
import logging  # noqa: E402,F401  (ahead: imported later, it would find a learner's string.py)
import json  # noqa: E402
import operator  # noqa: E402
import runpy  # noqa: E402
import traceback  # noqa: E402

MAX_TEXT = 4000
_BUILTIN_KIND_NAMES = {"generator", "function", "method", "coroutine", "async_generator",
                       "builtin_function_or_method"}  # repr/str/messages sent back are cut here
MEMORY_EXIT = 97  # exit status telling the host the agent ran out of memory
AGENT_BROKEN_EXIT = 98

_BINARY = {name: getattr(operator, name) for name in (
    "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "and_", "or_", "xor",
    "lshift", "rshift")}
_UNARY = {"neg": operator.neg, "pos": operator.pos, "abs": operator.abs,
          "invert": operator.invert, "float": float, "int": int, "index": operator.index,
          "complex": complex, "round": round, "len": len, "iter": iter, "next": next,
          "str": str, "repr": repr, "hash": hash, "dir": dir, "bool": bool}
_COMPARE = {"eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "le": operator.le,
            "gt": operator.gt, "ge": operator.ge}
_EAGER_ITERATORS = {type(iter(x)) for x in ([], (), {}, {}.values(), {}.items(), set(), range(0),
                                            "", b"")} | {type(reversed([]))}


def _cut(text):
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + "…"


class TestsObject:
    """Learner-side stand-in for an object that lives in T (a callback passed by a test)."""

    __slots__ = ("_jt_tree",)

    def __init__(self, tree):
        object.__setattr__(self, "_jt_tree", tree)

    def __call__(self, *args, **kwargs):
        return AGENT.callback("call", (self, args, kwargs))

    def __getattr__(self, name):
        return AGENT.callback("getattr", (self, name))

    def __repr__(self):
        return AGENT.callback("repr", (self,))

    def __iter__(self):
        # An iterator stays in T and is read one item at a time, as learner code asks: an
        # infinite one works, and what the code does not read is left for the test.
        return AGENT.callback("iter", (self,))

    def __next__(self):
        return AGENT.callback("next", (self,))

    def __len__(self):
        return AGENT.callback("len", (self,))

    def __getitem__(self, key):
        return AGENT.callback("getitem", (self, key))


class Agent:
    def __init__(self, pipe, output_cap):
        self.pipe = pipe
        self.output_cap = output_cap
        self.output, self.output_size = [], 0
        self.flags = set()
        self.objects, self.ids = {}, {}
        self.tests_objects = {}
        self.environment = Environment()
        self.warnings = LearnerWarnings()
        self.logging = LearnerLogging()
        self.mirrored = {}
        self.codec = wire.Codec(self.export, self.import_handle, self.special, parity=1)
        self.root = os.getcwd()
        self.files = filesync.FileMirror(self.root)  # data files shared with the tests

    # -- values ---------------------------------------------------------------------------------
    def export(self, obj):
        key = id(obj)
        number = self.ids.get(key)
        if number is None:
            number = self.ids[key] = len(self.objects)
            self.objects[number] = obj
        try:
            hashed = int.__int__(hash(obj))
        except BaseException:  # unhashable, or a broken __hash__: T raises TypeError on hash()
            hashed = None
        kind = type(obj)
        label = kind.__qualname__
        if label in _BUILTIN_KIND_NAMES and kind.__module__ != "builtins":
            label = f"{kind.__module__}.{label}"  # not to pass for the built-in kind in T
        return [wire.LEARNER_HANDLE, number, hashed, _cut(label)]

    def import_handle(self, tag, tree):
        if tag == wire.LEARNER_HANDLE:
            number = tree[1]
            if number not in self.objects:
                raise wire.ProtocolError(f"unknown object {number}")
            return self.objects[number]
        number = wire._int(tree[1])
        known = self.tests_objects.get(number)  # the same T object is the same stand-in here
        if known is None:
            known = self.tests_objects[number] = TestsObject([wire.TESTS_HANDLE, number])
        return known

    def special(self, value):
        kind = type(value)
        if isinstance(value, TestsObject):
            return object.__getattribute__(value, "_jt_tree")
        if isinstance(value, type) and issubclass(value, BaseException):
            return self.exception_class(value)
        fields = getattr(kind, "_fields", None) if issubclass(kind, tuple) else None
        if (isinstance(fields, tuple) and all(type(f) is str for f in fields)
                and len(fields) == tuple.__len__(value)):
            return [wire.NAMEDTUPLE, _cut(str(kind.__module__)), _cut(kind.__qualname__),
                    list(fields)]
        return None

    @staticmethod
    def exception_class(cls):
        chain = []
        for klass in cls.__mro__:
            if klass.__module__ == "builtins":
                return [wire.EXC_CLASS, chain, klass.__name__]
            chain.append([_cut(str(klass.__module__)), _cut(str(klass.__qualname__))])
        return [wire.EXC_CLASS, chain, "Exception"]

    def encode_exception(self, exc, depth=0):
        try:
            args = self.codec.encode(tuple(exc.args))
        except BaseException:
            args = [wire.TUPLE, []]
        try:
            text = _cut(str(exc))
        except BaseException:
            text = f"<{type(exc).__name__}: str() failed>"
        where = []
        for frame in traceback.extract_tb(exc.__traceback__):
            if frame.filename.startswith(self.root + os.sep):
                where.append([os.path.relpath(frame.filename, self.root), frame.lineno,
                              frame.name, _cut(frame.line or "")])
        if isinstance(exc, SyntaxError) and isinstance(exc.filename, str):
            name = exc.filename
            if name.startswith(self.root + os.sep):
                name = os.path.relpath(name, self.root)
            where.append([name, exc.lineno, "", _cut((exc.text or "").rstrip())])
        return {"cls": self.exception_class(type(exc)), "args": args, "text": text,
                "where": where[-3:], "handle": self.export(exc),
                "exhausted": isinstance(exc, MemoryError) and memory_exhausted(),
                "cause": self._encode_cause(exc, depth)}

    def _encode_cause(self, exc, depth):
        """`raise X from exc`: the test may look at __cause__ (a few levels, never a loop)."""
        cause = getattr(exc, "__cause__", None)
        if depth >= 3 or not isinstance(cause, BaseException) or cause is exc:
            return None
        try:
            return self.encode_exception(cause, depth + 1)
        except BaseException:
            return None

    # -- output ---------------------------------------------------------------------------------
    def take_output(self, stream, text):
        if "output_limit" in self.flags:
            raise OutputLimit("output limit exceeded")
        room = self.output_cap - self.output_size
        self.output.append([stream, text[:max(room, 0)]])
        self.output_size += len(text)
        if self.output_size > self.output_cap:
            self.flags.add("output_limit")
            raise OutputLimit("output limit exceeded")
        return len(text)

    def _envelope(self, message, sync=True):
        # What learner code did to the containers it shares with the tests goes with every
        # message, exceptions included (a function may change its argument, then raise).
        message["sync"] = self.codec.sync_trees() if sync else [self.codec.shared.dropped]
        message["out"], self.output = self.output, []
        warned, logged = self.warnings.take(), self.logging.take()
        if warned:
            message["warned"] = warned
        if logged:
            message["logged"] = logged
        message["files"] = self.files.changes()
        message["flags"] = sorted(self.flags)
        return message

    # -- serving --------------------------------------------------------------------------------
    def serve(self):
        while True:
            try:
                message = self.pipe.recv()
            except (EOFError, wire.ProtocolError):
                os._exit(0)
            self.reply(self.answer(message))

    def reply(self, answer):
        try:
            frame = self.pipe.frame(answer)
        except ValueError as exc:  # the value is too big to send: the test gets the error
            self.codec.begin_message()
            frame = self.pipe.frame(self._envelope({"exc": self.encode_exception(exc)},
                                                   sync=False))
        self.pipe.send_frame(frame)
        self.codec.shared.commit()

    def callback(self, op, args):
        """Ask T something while learner code runs, serving T's nested requests meanwhile."""
        self.codec.begin_message()
        self.pipe.send(self._envelope({"cb": op, "v": self.codec.encode(args)}))
        self.codec.shared.commit()
        while True:
            message = self.pipe.recv()
            if "op" in message:
                self.reply(self.answer(message))
                continue
            if "exc" in message:
                self.codec.decode(None, message.get("sync"))
                raise tests_exception(message["exc"])
            return self.codec.decode(message.get("ok"), message.get("sync"))

    def answer(self, message):
        self.files.apply(message.get("files"))
        if "argv" in message:  # the test patched sys.argv (None: put back the default)
            argv = message["argv"]
            sys.argv = list(argv) if type(argv) is list else [""]
        if "env" in message:
            self.environment.apply(message["env"])
        if "warnings" in message:
            self.warnings.apply(message["warnings"])
        if "logging" in message:
            self.logging.apply(message["logging"])
        try:
            target, args, kwargs = self.codec.decode(message.get("v"), message.get("sync"))
            result = self.perform(message.get("op"), target, args, kwargs or {})
            self.codec.begin_message()
            reply = {"ok": self.codec.encode(result)}
        except BaseException as exc:  # everything the learner's code raises goes back to T
            self.codec.begin_message()
            reply = {"exc": self.encode_exception(exc)}
        return self._envelope(reply)

    def perform(self, op, target, args, kwargs):
        if op == "call":
            return target(*args, **kwargs)
        if op == "getattr":
            return getattr(target, args[0])
        if op == "setattr":
            return setattr(target, args[0], args[1])
        if op == "delattr":
            return delattr(target, args[0])
        if op == "getitem":
            return target[args[0]]
        if op == "setitem":
            target[args[0]] = args[1]
            return None
        if op == "delitem":
            del target[args[0]]
            return None
        if op == "contains":
            return _exact_bool(args[0] in target, "__contains__")
        if op == "reversed":
            iterator = reversed(target)
            return list(iterator) if type(iterator) in _EAGER_ITERATORS else iterator
        if op == "iter":
            iterator = iter(target)
            # Iterators over builtin containers run no learner code: send all items at once
            # instead of one round trip per item (T iterates the list it gets).
            return list(iterator) if type(iterator) in _EAGER_ITERATORS else iterator
        if op in _UNARY:
            result = _UNARY[op](target, *args)
            return _cut(result) if op in ("str", "repr") else result
        if op == "format":
            return format(target, args[0])
        if op in _COMPARE:
            result = _COMPARE[op](target, args[0])
            # None is false for the test's `if not a == b` as in a plain run (a method with no
            # return); any other non-bool would need the learner's __bool__, so it is refused.
            return _exact_bool(False if result is None else result, f"__{op}__")
        if op in _BINARY:
            return _BINARY[op](target, args[0])
        if op.startswith("r") and op[1:] in _BINARY:
            return _BINARY[op[1:]](args[0], target)
        if op == "isinstance":
            return _exact_bool(isinstance(args[0], target), "__instancecheck__")
        if op == "issubclass":
            return _exact_bool(issubclass(args[0], target), "__subclasscheck__")
        if op == "enter":
            return target.__enter__()
        if op == "exit":
            return target.__exit__(None, None, None)
        if op == "import":
            return self.import_module(*args)
        if op == "public_names":
            return [name for name in dir(target) if not name.startswith("_")]
        if op == "run_main":
            return self.run_main(*args)
        if op == "is_package":
            return os.path.isdir(os.path.join(self.root, *args[0].split(".")))
        if op in ("mirror_set", "mirror_call"):
            return self.mirror(op, *args)
        raise ValueError(f"unknown request {op!r}")

    def import_module(self, name, reload):
        try:
            module = sys.modules.get(name)
            if reload and module is not None:
                module = importlib.reload(module)
            else:
                module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                return {"missing": True}
            raise
        path = getattr(module, "__file__", None) or ""
        return {"module": module, "package": hasattr(module, "__path__"),
                "file": os.path.relpath(path, self.root) if path.startswith(self.root) else ""}

    def mirror(self, op, module_name, name, value, restore=False):
        """A test patched (or seeded) a module that tests and learner code share in a plain
        run (random, time): do the same here. restore: put back the module's original."""
        module = importlib.import_module(module_name)
        originals = self.mirrored.setdefault(module_name, dict(vars(module)))
        if op == "mirror_call":
            return getattr(module, name)(*value)
        if not restore:
            setattr(module, name, value)
        elif name in originals:
            setattr(module, name, originals[name])
        elif hasattr(module, name):
            delattr(module, name)
        return None

    def run_main(self, path, argv, raw=False):
        """Run a learner file as a program (python FILE ARGS): its exit code, 0 if it ends.
        raw (runpy in the test): ["exit", code] if it raised SystemExit, ["end", None] if not,
        since runpy lets SystemExit through as it is, sys.exit(0) included."""
        full = os.path.join(self.root, path)
        if not os.path.isfile(full):
            self.take_output("err", f"python: can't open file {path!r}: No such file\n")
            return 2
        saved = sys.argv
        # runpy only replaces argv[0] for the run; `python FILE ARGS` gets its own arguments
        sys.argv = [path] + (list(saved[1:]) if raw else list(argv))
        try:
            runpy.run_path(full, run_name="__main__")
        except SystemExit as exc:
            code = exc.code
            if raw:
                plain = code is None or type(code) in (int, bool, str)
                return ["exit", code if plain else _cut(repr(code))]
            if code is None or type(code) is int:
                return code or 0
            self.take_output("err", f"{code}\n")
            return 1
        finally:
            sys.argv = saved
        return ["end", None] if raw else 0


def _exact_bool(value, what):
    if type(value) is not bool:
        raise TypeError(f"{what} returned {type(value).__name__}, not bool")
    return value


def _input(prompt=""):
    # T calls its own input(prompt): the prompt lands in whatever stdout the test captures,
    # and a test that patched builtins.input sees the prompt it expects.
    return AGENT.callback("input", (str(prompt),))


AGENT = None


def main(request_fd, response_fd):
    global AGENT
    setup = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    root = os.getcwd()
    write_files(root, setup["files"])
    AGENT = Agent(wire.Pipe(request_fd, response_fd), int(setup["output_cap"]))
    sys.stdout, sys.stderr = Capture(AGENT, "out"), Capture(AGENT, "err")
    sys.stdin = TestsStdin(AGENT)
    builtins.input = _input
    sys.argv = [""]
    sys.path.insert(0, root)
    try:
        AGENT.serve()
    except MemoryError:
        os.write(2, b"MemoryError in the learner agent\n")
        os._exit(MEMORY_EXIT)
    except BaseException as exc:  # the agent itself broke (the learner's code can do that)
        os.write(2, f"learner agent stopped: {type(exc).__name__}\n".encode())
        os._exit(AGENT_BROKEN_EXIT)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
