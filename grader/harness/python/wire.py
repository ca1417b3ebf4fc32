"""The pipe between the learner sandbox (L) and the tests sandbox (T): frames and the value codec.

Runs inside both sandboxes, so: standard library only, Python 3.11+.

A frame is a 4-byte big-endian length and a JSON document. Values travel as JSON trees in which
every container is a tagged list, so that only exact builtin types (None, bool, int, float,
complex, str, bytes, list, tuple, dict, set, frozenset) ever come out of the decoder. Anything
else crosses as a *handle* (an id in the owner's object table) that the other side wraps in a
proxy. The decoder is the trust boundary on the T side: it must never build anything but those
builtins and the proxies T chooses to make.
"""
from __future__ import annotations

import base64
import datetime
import decimal
import fractions
import json
import os
import select
import struct
import time

from sharing import SharedTable

MAX_FRAME = 32 * 1024 * 1024
MAX_DEPTH = 100
# Items per value: bounds what decoding one frame can cost in memory (a JSON tree, then the
# values). Two million plain items fit well in L's and T's memory limits and in MAX_FRAME.
MAX_ITEMS = 2_000_000
_BIG_INT_BITS = 12_000  # beyond this, str(int) hits Python's digit limit: send hex

# Container tags. Mutable containers carry a number, the same on both sides for as long as either
# side uses the container (sharing.py), so that identity, aliasing and cycles survive the trip
# and each side sees what the other changed.
LIST, TUPLE, DICT, SET, FROZENSET, REF = "L", "T", "D", "S", "F", "R"
BYTES, COMPLEX, BIGINT, NAMEDTUPLE = "B", "C", "I", "N"
LEARNER_HANDLE, TESTS_HANDLE, EXC_CLASS = "H", "G", "X"
STD_VALUE = "V"  # dates, times, durations, Decimal, Fraction: rebuilt from plain fields
RANGE = "A"  # range: an exact builtin (it cannot be subclassed), sent as start, stop, step
_TAGS = {LIST: list, SET: set, DICT: dict}


class ProtocolError(Exception):
    """The peer sent something that is not a valid frame or value."""


class Pipe:
    """A frame pipe over two file descriptors. recv/send accept an absolute monotonic deadline
    (None = wait forever) and raise TimeoutError when it passes, EOFError when the peer is gone."""

    def __init__(self, read_fd: int, write_fd: int):
        self.read_fd, self.write_fd = read_fd, write_fd
        os.set_blocking(read_fd, False)
        os.set_blocking(write_fd, False)
        self._buffer = bytearray()

    def _wait(self, fd, writing, deadline):
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        if writing:
            ready = select.select([], [fd], [], timeout)[1]
        else:
            ready = select.select([fd], [], [], timeout)[0]
        if not ready:
            raise TimeoutError("no answer in time")

    @staticmethod
    def frame(message) -> bytes:
        """The bytes of one frame; ValueError if the message is too big to send."""
        body = json.dumps(message, separators=(",", ":")).encode("utf-8", "surrogatepass")
        if len(body) > MAX_FRAME:
            raise ValueError(f"a value of {len(body)} bytes is over the {MAX_FRAME} byte limit")
        return struct.pack(">I", len(body)) + body

    def send(self, message, deadline=None) -> None:
        self.send_frame(self.frame(message), deadline)

    def send_frame(self, data: bytes, deadline=None) -> None:
        data = memoryview(data)
        while data:
            try:  # try first, wait only when the pipe is full: one system call less per frame
                written = os.write(self.write_fd, data)
            except BlockingIOError:
                self._wait(self.write_fd, True, deadline)
                continue
            except (BrokenPipeError, OSError) as exc:
                raise EOFError("the other side closed the pipe") from exc
            data = data[written:]

    def _fill(self, size, deadline):
        while len(self._buffer) < size:
            try:
                chunk = os.read(self.read_fd, max(65536, size - len(self._buffer)))
            except BlockingIOError:
                self._wait(self.read_fd, False, deadline)
                continue
            except OSError as exc:
                raise EOFError("the other side closed the pipe") from exc
            if not chunk:
                raise EOFError("the other side closed the pipe")
            self._buffer += chunk

    def recv(self, deadline=None):
        self._fill(4, deadline)
        (size,) = struct.unpack(">I", self._buffer[:4])
        if size > MAX_FRAME:
            raise ProtocolError(f"frame of {size} bytes is over the {MAX_FRAME} limit")
        self._fill(4 + size, deadline)
        body = bytes(self._buffer[4:4 + size])
        del self._buffer[:4 + size]
        try:
            return json.loads(body.decode("utf-8", "surrogatepass"))
        except (ValueError, RecursionError) as exc:
            raise ProtocolError(f"malformed frame: {exc}") from None


class Codec:
    """Encode values to JSON trees and back, for one side of the pipe.

    *mine* is the tag of handles to objects that live on this side; *export(obj)* gives such an
    object its handle tree. *import_handle(tag, tree)* turns a handle tree into a local object
    (a proxy for the peer's objects, the original object for our own). *special(value)* may
    return a tree for values this side knows how to send (exception classes, namedtuples) or None.
    """

    def __init__(self, export, import_handle, special=None, import_special=None, parity=0):
        self.export = export
        self.import_handle = import_handle
        self.special = special
        self.import_special = import_special
        self.shared = SharedTable(parity)

    # -- encoding -------------------------------------------------------------------------------
    def begin_message(self):
        """Start building a message: forget containers this side no longer uses."""
        self.shared.begin()
        self.shared.dropped = self.shared.sweep()

    def encode(self, value):
        mark = self.shared.mark()
        try:
            return self._enc(value, set(), 0, {"items": 0})
        except BaseException:  # nothing of this value is sent: the peer will not hold it
            self.shared.rollback(mark)
            raise

    def sync_trees(self):
        """The new contents of every shared container changed since the peer last saw it; goes
        with the message after its value, and the sender calls shared.commit() once it is sent."""
        trees = [self.shared.dropped]  # first: what the peer can forget as well
        for container in self.shared.changed():
            if not self.shared.is_pending(container):  # sent in full in this message already
                trees.append(self._enc(container, set(), 0, {"items": 0}))
        return trees

    def _enc(self, value, seen, depth, state):
        if depth > MAX_DEPTH:
            raise ValueError(f"value nested more than {MAX_DEPTH} levels deep")
        state["items"] += 1
        if state["items"] > MAX_ITEMS:
            raise ValueError(f"value with more than {MAX_ITEMS} items")
        kind = type(value)
        if value is None or kind is bool or kind is str:
            return value
        if kind is int:
            return value if value.bit_length() < _BIG_INT_BITS else [BIGINT, format(value, "x")]
        if kind is float:
            return value
        if kind is range:
            return [RANGE] + [self._enc(range.start.__get__(value), seen, depth + 1, state),
                              self._enc(range.stop.__get__(value), seen, depth + 1, state),
                              self._enc(range.step.__get__(value), seen, depth + 1, state)]
        special = self.special(value) if self.special else None
        if special is not None:
            if special[0] == NAMEDTUPLE:
                items = [self._enc(v, seen, depth + 1, state) for v in tuple.__iter__(value)]
                return special + [items]
            return special
        base = _builtin_base(kind)
        if base is None:
            std = _encode_std(value)
            return std if std is not None else self.export(value)
        if base is str:
            return str.__str__(value)
        if base is int:
            return self._enc(int.__int__(value), seen, depth, state)
        if base is float:
            return float.__float__(value)
        if base is complex:
            return [COMPLEX, complex.real.__get__(value), complex.imag.__get__(value)]
        if base is bytes:
            return [BYTES, base64.b64encode(bytes.__getitem__(value, slice(None))).decode()]
        if base is tuple:
            return [TUPLE, [self._enc(v, seen, depth + 1, state) for v in tuple.__iter__(value)]]
        if base is frozenset:
            return [FROZENSET, [self._enc(v, seen, depth + 1, state)
                                for v in frozenset.__iter__(value)]]
        number = self.shared.number_of(value)
        if id(value) in seen:  # already in full in this value (a cycle, or aliased twice)
            return [REF, number]
        seen.add(id(value))
        contents = self.shared.sent(value)
        if base is list:
            return [LIST, number, [self._enc(v, seen, depth + 1, state) for v in contents]]
        if base is set:
            return [SET, number, [self._enc(v, seen, depth + 1, state) for v in contents]]
        return [DICT, number, [[self._enc(k, seen, depth + 1, state),
                                self._enc(v, seen, depth + 1, state)] for k, v in contents]]

    # -- decoding -------------------------------------------------------------------------------
    def decode(self, tree, sync=None):
        """A value, then the contents of the shared containers the peer changed (*sync*: a
        list of trees, decoded after the value, in the order the peer encoded them)."""
        if sync is None:
            return self._dec(tree, 0, {"items": 0})
        sync = _list(sync)
        for number in _list(sync[0]) if sync else ():
            self.shared.forget(_int(number))
        value = self._dec(tree, 0, {"items": 0})
        for item in sync[1:]:
            self._dec(item, 0, {"items": 0})
        return value

    def _dec(self, tree, depth, state):
        if depth > MAX_DEPTH:
            raise ProtocolError("value nested too deeply")
        state["items"] += 1
        if state["items"] > MAX_ITEMS:
            raise ProtocolError("value with too many items")
        kind = type(tree)
        if tree is None or kind in (bool, int, float, str):
            return tree
        if kind is not list or not tree or type(tree[0]) is not str:
            raise ProtocolError(f"unexpected value of type {kind.__name__}")
        tag = tree[0]
        try:
            if tag in _TAGS:
                return self._dec_mutable(tag, tree, depth, state)
            if tag == REF:
                known = self.shared.get(_int(tree[1]))
                if known is None:
                    raise ProtocolError(f"reference to unknown container {tree[1]}")
                return known
            if tag == TUPLE:
                return tuple(self._dec(v, depth + 1, state) for v in _list(tree[1]))
            if tag == FROZENSET:
                return frozenset(self._dec(v, depth + 1, state) for v in _list(tree[1]))
            if tag == RANGE:
                return range(*(_int(self._dec(v, depth + 1, state)) for v in tree[1:4]))
            if tag == BYTES:
                return base64.b64decode(_str(tree[1]), validate=True)
            if tag == COMPLEX:
                return complex(_float(tree[1]), _float(tree[2]))
            if tag == BIGINT:
                return int(_str(tree[1]), 16)
            if tag in (LEARNER_HANDLE, TESTS_HANDLE):
                return self.import_handle(tag, tree)
            if tag == STD_VALUE:
                return _decode_std(_str(tree[1]), _list(tree[2]))
            if self.import_special is not None:
                items = None
                if tag == NAMEDTUPLE:
                    items = [self._dec(v, depth + 1, state) for v in _list(tree[-1])]
                return self.import_special(tag, tree, items)
        except (IndexError, ValueError, TypeError, ArithmeticError) as exc:
            raise ProtocolError(f"malformed {tag!r} value: {exc}") from None
        raise ProtocolError(f"unknown value tag {tag!r}")

    def _dec_mutable(self, tag, tree, depth, state):
        number, items = _int(tree[1]), _list(tree[2])
        known = self.shared.get(number)
        if known is None:
            if not self.shared.may_create(number):
                raise ProtocolError(f"container number {number} was never handed out")
            known = _TAGS[tag]()
            self.shared.register(number, known)
        elif type(known) is not _TAGS[tag] and not isinstance(known, _TAGS[tag]):
            raise ProtocolError(f"container {number} changed kind")
        target = _TAGS[tag]()
        if tag == DICT:
            for pair in items:
                key, value = _list(pair)
                target[self._dec(key, depth + 1, state)] = self._dec(value, depth + 1,
                                                                            state)
        else:
            values = [self._dec(v, depth + 1, state) for v in items]
            target = values if tag == LIST else set(values)
        _replace_contents(known, target)
        self.shared.received(number)
        return known


_DATE_FIELDS = ("year", "month", "day")
_TIME_FIELDS = ("hour", "minute", "second", "microsecond")


def _fields(cls, value, names):
    # Read through the real type's descriptors: a subclass cannot override what is sent.
    return [int.__int__(getattr(cls, name).__get__(value)) for name in names]


def _encode_std(value):
    kind = type(value)
    if issubclass(kind, datetime.datetime):
        zone = datetime.datetime.tzinfo.__get__(value)
        if zone is not None and type(zone) is not datetime.timezone:
            return None
        offset = None
        if zone is not None:
            delta = datetime.timezone.utcoffset(zone, None)
            offset = _fields(datetime.timedelta, delta, ("days", "seconds"))
        return [STD_VALUE, "datetime",
                _fields(datetime.datetime, value, _DATE_FIELDS + _TIME_FIELDS) + [offset]]
    if issubclass(kind, datetime.date):
        return [STD_VALUE, "date", _fields(datetime.date, value, _DATE_FIELDS)]
    if issubclass(kind, datetime.time):
        if datetime.time.tzinfo.__get__(value) is not None:
            return None
        return [STD_VALUE, "time", _fields(datetime.time, value, _TIME_FIELDS)]
    if issubclass(kind, datetime.timedelta):
        return [STD_VALUE, "timedelta",
                _fields(datetime.timedelta, value, ("days", "seconds", "microseconds"))]
    if issubclass(kind, decimal.Decimal):
        return [STD_VALUE, "Decimal", [decimal.Decimal.__str__(value)]]
    if issubclass(kind, fractions.Fraction):
        return [STD_VALUE, "Fraction", [int.__int__(value._numerator),
                                        int.__int__(value._denominator)]]
    return None


def _decode_std(kind, fields):
    if kind == "Decimal":
        text = _str(fields[0])
        if len(text) > 5000:
            raise ValueError("Decimal too long")
        return decimal.Decimal(text)
    numbers = [_int(f) for f in fields[:7]]
    if kind == "date":
        return datetime.date(*numbers)
    if kind == "time":
        return datetime.time(*numbers)
    if kind == "timedelta":
        return datetime.timedelta(*numbers)
    if kind == "Fraction":
        return fractions.Fraction(*numbers[:2])
    if kind == "datetime":
        zone = None
        if fields[7] is not None:
            days, seconds = (_int(f) for f in _list(fields[7]))
            zone = datetime.timezone(datetime.timedelta(days=days, seconds=seconds))
        return datetime.datetime(*numbers, tzinfo=zone)
    raise ValueError(f"unknown value kind {kind!r}")


def _replace_contents(container, new):
    """Make *container* hold what *new* holds, in place (the copy-back of a mutable argument)."""
    if isinstance(container, list):
        list.__setitem__(container, slice(None), new)
    elif isinstance(container, dict):
        dict.clear(container)
        dict.update(container, new)
    else:
        set.clear(container)
        set.update(container, new)


def _builtin_base(kind):
    """The builtin value type *kind* is (or derives from), or None for anything else."""
    for base in (str, int, float, list, tuple, dict, set, frozenset, bytes, complex):
        if kind is base or issubclass(kind, base):
            return base
    return None


def _int(value):
    if type(value) is not int:
        raise ValueError("expected an integer")
    return value


def _float(value):
    if type(value) not in (int, float):
        raise ValueError("expected a number")
    return float(value)


def _str(value):
    if type(value) is not str:
        raise ValueError("expected a string")
    return value


def _list(value):
    if type(value) is not list:
        raise ValueError("expected a list")
    return value
