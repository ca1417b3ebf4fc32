"""Warm pool: sandboxes started ahead of time, each used once.

Starting a sandbox and its interpreter costs tens of milliseconds; a submission should pay only
for its own tests. The pool keeps a few started sandboxes per key (a runner's kind and the
exercise's limits, since rlimits are fixed at start) and refills in a background thread after
each take. A sandbox is never reused: take() hands it over and forgets it.
"""
from __future__ import annotations

import atexit
import collections
import logging
import os
import threading

log = logging.getLogger(__name__)

POOL_SIZE_ENV = "JOBINTECH_WARM_POOL"
MAX_KEYS = 8


def _default_size() -> int:
    value = os.environ.get(POOL_SIZE_ENV)
    if value is not None:
        try:
            return max(0, int(value))
        except ValueError:
            log.warning("%s=%r is not a number; using the default", POOL_SIZE_ENV, value)
    return max(2, os.cpu_count() or 2)


class WarmPool:
    """Started, unused objects (anything with .kill()) per key, made by a factory per key."""

    def __init__(self, size: int | None = None):
        self.size = _default_size() if size is None else size
        self._ready: dict = collections.OrderedDict()   # key -> deque of warm objects
        self._factories: dict = {}
        self._lock = threading.Lock()
        self._wanted = threading.Condition(self._lock)
        self._queue: collections.deque = collections.deque()
        self._closed = False
        self._thread = None
        self._pid = os.getpid()

    def take(self, key, factory):
        """A warm object for *key* if one is ready, else one made now by *factory*()."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the warm pool is shut down")
            self._factories[key] = factory
            ready = self._ready.setdefault(key, collections.deque())
            self._ready.move_to_end(key)
            warm = ready.popleft() if ready else None
            if self.size:
                self._queue.extend([key] * (self.size - len(ready) - self._queue.count(key)))
                self._ensure_thread()
                self._wanted.notify()
            evicted = self._evict_locked()
        for obj in evicted:
            obj.kill()
        return warm if warm is not None else factory()

    def _evict_locked(self):
        evicted = []
        while len(self._ready) > MAX_KEYS:
            key, objs = self._ready.popitem(last=False)
            self._factories.pop(key, None)
            evicted.extend(objs)
        return evicted

    def _ensure_thread(self):
        # The thread lives as long as the pool: sandboxes die with the thread that started them
        # (bubblewrap's --die-with-parent follows the starting thread).
        if self._thread is None:
            self._thread = threading.Thread(target=self._refill_loop, name="jobintech-warm-pool",
                                            daemon=True)
            self._thread.start()

    def _refill_loop(self):
        while True:
            with self._lock:
                while not self._queue and not self._closed:
                    self._wanted.wait()
                if self._closed:
                    return
                key = self._queue.popleft()
                ready = self._ready.get(key)
                factory = self._factories.get(key)
                if ready is None or factory is None or len(ready) >= self.size:
                    continue
            try:
                obj = factory()
            except Exception:  # a broken factory must not kill the refill thread
                log.exception("could not start a warm sandbox for %r", key)
                continue
            with self._lock:
                ready = self._ready.get(key)
                if ready is None or self._closed or len(ready) >= self.size:
                    obj.kill()
                else:
                    ready.append(obj)

    def warm(self, key, factory, count: int | None = None):
        """Ask for *count* (default: the pool size) warm objects for *key* in the background."""
        with self._lock:
            self._factories[key] = factory
            self._ready.setdefault(key, collections.deque())
            self._queue.extend([key] * (count or self.size))
            self._ensure_thread()
            self._wanted.notify()

    def ready_count(self, key) -> int:
        with self._lock:
            return len(self._ready.get(key, ()))

    def shutdown(self):
        with self._lock:
            self._closed = True
            objs = [obj for ready in self._ready.values() for obj in ready]
            self._ready.clear()
            self._wanted.notify_all()
        for obj in objs:
            obj.kill()


_default_pool = None
_default_lock = threading.Lock()


def default_pool() -> WarmPool:
    """The process-wide pool (created on first use, so a forked worker makes its own)."""
    global _default_pool
    with _default_lock:
        if _default_pool is None or _default_pool._pid != os.getpid():
            _default_pool = WarmPool()
            atexit.register(_default_pool.shutdown)
        return _default_pool
