import threading
import time

from grader.pool import WarmPool


class Thing:
    made = 0
    lock = threading.Lock()

    def __init__(self):
        with Thing.lock:
            Thing.made += 1
        self.killed = False

    def kill(self):
        self.killed = True


def wait_for(predicate, timeout=5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return False


def test_take_makes_one_now_when_cold_then_refills_in_background():
    pool = WarmPool(size=2)
    try:
        first = pool.take("k", Thing)
        assert isinstance(first, Thing)
        assert wait_for(lambda: pool.ready_count("k") == 2)
        warm = pool.take("k", Thing)
        assert warm is not first and not warm.killed
        assert wait_for(lambda: pool.ready_count("k") == 2)
    finally:
        pool.shutdown()


def test_objects_are_single_use():
    pool = WarmPool(size=3)
    try:
        pool.warm("k", Thing)
        assert wait_for(lambda: pool.ready_count("k") == 3)
        taken = [pool.take("k", Thing) for _ in range(6)]
        assert len({id(t) for t in taken}) == 6
    finally:
        pool.shutdown()


def test_shutdown_kills_what_is_waiting():
    pool = WarmPool(size=2)
    made = []
    pool.warm("k", lambda: made.append(Thing()) or made[-1])
    assert wait_for(lambda: pool.ready_count("k") == 2)
    pool.shutdown()
    assert all(t.killed for t in made)


def test_a_failing_factory_does_not_stop_the_refills():
    pool = WarmPool(size=1)
    try:
        pool.warm("bad", lambda: 1 / 0)
        pool.warm("good", Thing)
        assert wait_for(lambda: pool.ready_count("good") == 1)
    finally:
        pool.shutdown()


def test_size_zero_disables_prestarting():
    pool = WarmPool(size=0)
    pool.take("k", Thing)
    time.sleep(0.05)
    assert pool.ready_count("k") == 0
