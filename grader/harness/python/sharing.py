"""Mutable containers shared by the two sandboxes, so that aliasing behaves as in one process.

In a plain run a list the test passes to learner code *is* the learner's list: a queue that
keeps it and pops from it empties the test's list, and a method that returns an internal list
returns the same object every time. Across the pipe each side has its own copy, so both sides
keep every list/dict/set that crossed under one number for as long as either side still uses it,
and every message carries the new contents of those that changed since the last message
(`changed()`), which the receiver writes into its own object in place. A container that comes
back under a known number is the receiver's own object again (`is` holds).

Change detection compares identities of the direct items with a shallow snapshot taken when the
two sides last agreed: a nested container is tracked under its own number, and the snapshot holds
references to the items, so an id cannot be reused while it is compared. Only identity is used:
comparing by == would run the learner's __eq__ (or, in T, send requests to L) in the middle of
a message. Standard library only (runs in both sandboxes).
"""
from __future__ import annotations

import operator
import sys


def snapshot(container):
    """What a container holds, as references (read through the base type's own slots)."""
    if isinstance(container, list):
        return list(list.__iter__(container))
    if isinstance(container, dict):
        return list(dict.items(container))
    return list(set.__iter__(container))


def _same(container, old):
    if isinstance(container, list):
        return list.__len__(container) == len(old) and all(
            map(operator.is_, list.__iter__(container), old))
    if isinstance(container, dict):
        if dict.__len__(container) != len(old):
            return False
        for (key, value), (old_key, old_value) in zip(dict.items(container), old):
            if key is not old_key or value is not old_value:
                return False
        return True
    if set.__len__(container) != len(old):
        return False
    ids = {id(item) for item in old}
    return all(id(item) in ids for item in set.__iter__(container))


class SharedTable:
    """number -> [container, snapshot]. Each side numbers the containers it sends first with its
    own parity (T even, L odd) so that the two sides never hand out the same number."""

    def __init__(self, parity: int):
        self._parity = self._next = parity
        self.entries: dict[int, list] = {}
        self._numbers: dict[int, int] = {}  # id(container) -> number; the entry keeps it alive
        self._pending: dict[int, list] = {}  # snapshots to keep once the message is sent
        self.dropped: list[int] = []  # numbers this side forgot since its last message
        self._free_refcount = self._measure_free_refcount()

    def _measure_free_refcount(self):
        probe = []
        self.entries[-1] = [probe, []]
        del probe
        count = sys.getrefcount(self.entries[-1][0])
        del self.entries[-1]
        return count

    def number_of(self, container):
        """The container's number, giving it one if it has none yet."""
        number = self._numbers.get(id(container))
        if number is None:
            number = self._next
            self._next += 2
            self.register(number, container)
        return number

    def get(self, number):
        entry = self.entries.get(number)
        return entry[0] if entry is not None else None

    def register(self, number, container):
        old = self.entries.get(number)
        if old is not None:
            self._numbers.pop(id(old[0]), None)
        self.entries[number] = [container, None]
        self._numbers[id(container)] = number

    def sent(self, container):
        """The container goes in full into the message being built: once that message is sent,
        the peer holds exactly these contents (returned, to encode them)."""
        contents = self._pending[id(container)] = snapshot(container)
        return contents

    def is_pending(self, container):
        return id(container) in self._pending

    def may_create(self, number):
        """A number the peer sends that is not in the table: one of the peer's, or one of ours
        that this side has forgotten (never one this side has not handed out yet)."""
        return number >= 0 and (number % 2 != self._parity or number < self._next)

    def received(self, number):
        """The peer just gave this container in full: both sides hold the same now."""
        entry = self.entries[number]
        entry[1] = snapshot(entry[0])

    def mark(self):
        return set(self._pending)

    def rollback(self, mark):
        self._pending = {key: value for key, value in self._pending.items() if key in mark}

    def begin(self):
        self._pending = {}
        self.dropped = []

    def commit(self):
        """The message was sent: its containers are what the peer holds now."""
        for key, contents in self._pending.items():
            number = self._numbers.get(key)
            if number is not None:
                self.entries[number][1] = contents
        self._pending = {}

    def changed(self):
        """Containers whose contents differ from what the peer was last told, oldest first."""
        return [entry[0] for entry in list(self.entries.values())
                if id(entry[0]) not in self._pending
                and (entry[1] is None or not _same(entry[0], entry[1]))]

    def sweep(self):
        """Forget containers nothing else on this side refers to: this side can no longer see
        them change. If the peer sends one of them again, it arrives as a new container. One
        changed since the peer last saw it is kept until it is sent (`queue.items().clear()`
        must still reach the queue)."""
        free = [number for number, entry in self.entries.items()
                if sys.getrefcount(entry[0]) <= self._free_refcount
                and entry[1] is not None and _same(entry[0], entry[1])]
        for number in free:
            self.forget(number)
        return free

    def forget(self, number):
        """Stop sharing a container (this side or the peer no longer uses it). If it crosses
        again, it gets a new number and goes in full."""
        entry = self.entries.pop(number, None)
        if entry is not None:
            self._numbers.pop(id(entry[0]), None)
