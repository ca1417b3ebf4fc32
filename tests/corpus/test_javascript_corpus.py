"""The grader agrees with a bare `node --test` run on a corpus of JavaScript exercises.

Every submission of tests/corpus/javascript/ (reference solution, stub, wrong solutions; CommonJS
and ES modules) is graded through grader.api.grade and run bare with `node --test` and a small
reporter (bare_reporter.mjs) that names tests the way the grader does ("suite > test").
How results are compared: tests/corpus/comparison.py.
"""
import os

import pytest

from tests.corpus.checks import corpus_checks
from tests.corpus.comparison import known
from tests.corpus.corpus import NODE, cases, sandbox_available

pytestmark = [pytest.mark.sandbox,
              pytest.mark.skipif(not sandbox_available() or not os.path.exists(NODE),
                                 reason="needs bubblewrap and Node.js")]

CASES = cases("javascript")
EXERCISES = sorted({c.exercise for c in CASES})

# (submission id, test name) -> why the verdict differs from the bare run; see
# test_python_corpus.py for how these entries work, docs/corpus.md for reproductions.
ASYNC_CALLBACK = ("JS-2: learner code cannot await a Promise that crosses from the tests: an "
                  "async callback passed by the test, or the learner's own promise handed back "
                  "to it ('unknown request \"await\"', 'cannot wait for a Promise here'); a "
                  "rejection then carries that Error instead of the learner's TimeoutError")

TIMERS = ("JS-9: a learner timer that fires after the call returned (debounce) never runs while "
          "the test awaits its own timer: the callback is not called")


KNOWN_MISMATCHES = {
    **known(ASYNC_CALLBACK, ["retry/example", "retry/wrong_sequential"],
             ["fetchAll keeps the order of the inputs", "retry gives up with the last error",
              "withTimeout resolves in time"]),
    **known(ASYNC_CALLBACK, ["retry/example"], ["retry returns the first success"]),
    **known(ASYNC_CALLBACK, ["retry/example"], ["withTimeout rejects with a TimeoutError"]),
    **known(TIMERS, ["timers/example"], ["debounce calls once with the last arguments"]),
}


globals().update(corpus_checks(CASES, EXERCISES, KNOWN_MISMATCHES))


def test_corpus_covers_enough():
    assert len(EXERCISES) >= 8
    assert {c.test_name.rsplit(".", 1)[1] for c in CASES} == {"js", "mjs"}  # CommonJS and ESM
    assert all(any(c.submission.startswith("wrong_") for c in CASES if c.exercise == e)
               for e in EXERCISES)
    assert all(case_id in {c.id for c in CASES} for case_id, _ in KNOWN_MISMATCHES)
