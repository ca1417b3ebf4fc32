"""The tests sandbox's (T's) end of the pipe to the learner sandbox (L).

Every request carries the remaining wall-clock budget as its deadline. If L does not answer in
time, exits, or sends anything malformed, L is declared unavailable for the rest of the run:
the pending and every later request raise LearnerUnavailable (a BaseException, so a test's
`except Exception` cannot swallow it), and the test that was running is failed whatever it does.
"""
from __future__ import annotations

import builtins
import os
import sys
import unittest

import logging_mirror
import warnings_mirror
import wire

MAX_OUTPUT_KEPT = 256 * 1024


class LearnerUnavailable(BaseException):
    """L timed out, died or broke the protocol. reason: timeout | died | protocol."""

    def __init__(self, reason, detail=""):
        super().__init__(reason, detail)
        self.reason, self.detail = reason, detail

    def __str__(self):
        return {"timeout": "Your code did not finish within the time limit.",
                "died": "Your program stopped before this test could finish.",
                "protocol": "Your program interfered with the grader."
                }.get(self.reason, self.reason)


class Channel:
    def __init__(self, pipe: wire.Pipe, files, deadline: float, make_proxy, decode_special,
                 make_exception):
        self.pipe = pipe
        self.files = files  # filesync.FileMirror of T's working directory
        self.deadline = deadline
        self.unavailable: LearnerUnavailable | None = None
        self.failed_during_test = False
        self.flags: set[str] = set()
        self.output: list[str] = []
        self.output_size = 0
        self.exported: dict[int, object] = {}
        self._export_ids: dict[int, int] = {}
        self.proxies: dict[int, object] = {}
        self._make_proxy = make_proxy
        self._make_exception = make_exception
        self.codec = wire.Codec(self._export, self._import_handle, self._special, decode_special,
                                parity=0)
        # Attributes of a tests object may be read by learner code only on instances of classes
        # the test files define (a fake object handed to the code), never harness internals.
        self.test_modules: set[str] = set()
        # sys.argv is shared by tests and learner code in a plain run: a test that patches it
        # (mock.patch.object(sys, "argv", [...])) is mirrored into L with the next request.
        self._own_argv = list(sys.argv)
        self._argv_sent = self._own_argv
        # os.environ too (mock.patch.dict(os.environ, ...)): L gets T's changes to its own.
        self._own_env = dict(os.environ)
        self._env_sent = self._own_env
        # and the warnings module (pytest.warns, assertWarns): see warnings_mirror.py
        self._warnings_sent = warnings_mirror.tests_state()
        self._logging_sent = None  # and logging (assertLogs, caplog): logging_mirror.py

    # -- values ---------------------------------------------------------------------------------
    def _special(self, value):
        tree = getattr(type(value), "_jt_handle_of", None)
        return tree(value) if tree is not None else None

    def _export(self, obj):
        number = self._export_ids.get(id(obj))
        if number is None:
            number = self._export_ids[id(obj)] = len(self.exported)
            self.exported[number] = obj
        return [wire.TESTS_HANDLE, number]

    def _import_handle(self, tag, tree):
        number = wire._int(tree[1])
        if tag == wire.TESTS_HANDLE:
            if number not in self.exported:
                raise wire.ProtocolError(f"unknown tests object {number}")
            return self.exported[number]
        proxy = self.proxies.get(number)
        if proxy is None:
            hashed = tree[2] if type(tree[2]) is int else None
            label = tree[3] if type(tree[3]) is str else "object"
            proxy = self.proxies[number] = self._make_proxy(number, hashed, label[:200])
        return proxy

    # -- requests -------------------------------------------------------------------------------
    def request(self, op, target=None, args=(), kwargs=None):
        if self.unavailable is not None:
            raise self.unavailable
        self.codec.begin_message()
        tree = self.codec.encode((target, tuple(args), dict(kwargs or {})))
        message = {"op": op, "v": tree, "sync": self.codec.sync_trees(),
                   "files": self.files.changes()}
        argv = sys.argv
        if argv is not self._argv_sent and argv != self._argv_sent:
            plain = isinstance(argv, list) and argv != self._own_argv
            message["argv"] = [str(a) for a in argv][:1000] if plain else None
            self._argv_sent = list(argv) if isinstance(argv, list) else self._own_argv
        env = dict(os.environ)
        if env != self._env_sent:
            own = self._own_env
            message["env"] = {"set": {k: v for k, v in env.items() if own.get(k) != v},
                              "unset": [k for k in own if k not in env]}
            self._env_sent = env
        warning_state = warnings_mirror.tests_state()
        if warning_state != self._warnings_sent:
            message["warnings"] = self._warnings_sent = warning_state
        logging_state = logging_mirror.tests_state()
        if logging_state != self._logging_sent:
            message["logging"] = self._logging_sent = logging_state
        frame = self.pipe.frame(message)  # too big: ValueError for the test
        try:
            self.pipe.send_frame(frame, self.deadline)
            self.codec.shared.commit()
            while True:
                message = self.pipe.recv(self.deadline)
                if type(message) is not dict:
                    raise wire.ProtocolError("an answer must be an object")
                self._absorb(message)
                if "cb" not in message:
                    break
                self.pipe.send_frame(self._serve_callback(message), self.deadline)
                self.codec.shared.commit()
            if "exc" in message:
                error = self._make_exception(message["exc"], self.codec)
                self.codec.decode(None, message.get("sync"))
            else:
                return self.codec.decode(message.get("ok"), message.get("sync"))
        except TimeoutError:
            self._give_up("timeout")
        except (EOFError, OSError):
            self._give_up("died")
        except (wire.ProtocolError, KeyError, TypeError, ValueError, RecursionError) as exc:
            self._give_up("protocol", str(exc))
        raise error

    def _give_up(self, reason, detail=""):
        self.unavailable = LearnerUnavailable(reason, detail)
        self.failed_during_test = True
        raise self.unavailable

    def _absorb(self, message):
        """Learner output, warnings and flags that come with every message from L."""
        self.files.apply(message.get("files"))
        if type(message.get("warned")) is list:
            warnings_mirror.reissue(message["warned"])
        if type(message.get("logged")) is list:
            logging_mirror.rehandle(message["logged"])
        flags = message.get("flags") or []
        self.flags.update(f for f in flags if f in ("memory", "output_limit"))
        for item in message.get("out") or ():
            stream, text = item
            if type(text) is not str:
                raise wire.ProtocolError("output must be text")
            self.record_output(text)
            (sys.stderr if stream == "err" else sys.stdout).write(text)

    def record_output(self, text):
        if self.output_size < MAX_OUTPUT_KEPT:
            self.output.append(text[:MAX_OUTPUT_KEPT - self.output_size])
        self.output_size += len(text)

    # -- callbacks: L asks T while learner code runs ---------------------------------------------
    def _serve_callback(self, message):
        args = self.codec.decode(message.get("v"), message.get("sync"))
        try:
            result = self._callback(message["cb"], args)
            self.codec.begin_message()
            return self.pipe.frame({"ok": self.codec.encode(result),
                                    "sync": self.codec.sync_trees()})
        except LearnerUnavailable:
            raise
        except wire.ProtocolError:
            raise
        except BaseException as exc:  # the test's callback failed: the learner's code sees it
            self.codec.begin_message()
            return self.pipe.frame({"exc": {"type": type(exc).__name__, "text": str(exc)[:2000]},
                                    "sync": self.codec.sync_trees()})

    def _callback(self, op, args):
        if op == "input":
            prompt = args[0] if args and type(args[0]) is str else ""
            self.record_output(prompt)
            line = builtins.input(prompt)
            self.record_output(str(line) + "\n")
            return str(line)
        if op in ("stdin_read", "stdin_readline"):
            size = args[0] if args and type(args[0]) is int else -1
            stream = sys.stdin
            return str(stream.read(size) if op == "stdin_read" else stream.readline(size))
        target = args[0]
        if not _is_exported(self, target):
            raise TypeError("only objects the tests passed to the code can be used")
        if op == "call":
            return target(*args[1], **args[2])
        if op == "repr":
            return repr(target)[:2000]
        if op == "list":
            return list(target)
        if op == "iter":
            return iter(target)
        if op == "next":
            return next(target)
        if op == "len":
            return len(target)
        if op == "getitem":
            return target[args[1]]
        if op == "getattr":
            name = args[1]
            if (type(name) is not str or name.startswith("_")
                    or type(target).__module__ not in self.test_modules
                    or isinstance(target, (unittest.TestCase, unittest.TestResult))):
                raise AttributeError(f"attribute {name!r} of a tests object is not available")
            value = getattr(target, name)
            if isinstance(value, type(sys)):
                raise AttributeError(f"attribute {name!r} of a tests object is not available")
            return value
        raise ValueError(f"unknown callback {op!r}")


def _is_exported(channel, obj):
    return any(candidate is obj for candidate in channel.exported.values())


