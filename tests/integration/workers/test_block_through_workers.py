"""The coding_exercise block, unchanged, grading through real workers: the same verdicts and
grades; when the service is down, an error the learner understands and no attempt used."""
from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from tests.integration.workers.conftest import closed_port

pytestmark = [pytest.mark.services, pytest.mark.sandbox,
              pytest.mark.skipif(shutil.which("bwrap") is None, reason="needs bubblewrap")]

_SUPPORT = Path(__file__).resolve().parents[2] / "unit" / "xblocks" / "coding_exercise_support.py"
_spec = importlib.util.spec_from_file_location("coding_exercise_support_for_workers", _SUPPORT)
support = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(support)

SOLUTION = "def somme(nombres):\n    total = 0\n    for n in nombres:\n        total += n\n    return total\n"


@pytest.fixture
def block():
    return support.load_block(support.scenario_xml("py_somme"))


def test_submit_through_the_workers_grades_and_publishes(block, shared_worker, use_workers):
    use_workers(shared_worker.queue)
    received = shared_worker.log().count(" received")
    status, body = support.call(block, "submit", {"files": {"somme.py": SOLUTION}})
    assert status == 200, body
    assert (body["verdict"]["passed"], body["verdict"]["total"], body["attempt_counted"]) == (4, 4, True)
    assert [t["name"] for t in body["verdict"]["tests"] if t["hidden"]] == ["Hidden test 1", "Hidden test 2"]
    assert block.runtime.events_of("grade") == [{"value": 1.0, "max_value": 1.0, "only_if_higher": None}]
    assert shared_worker.log().count(" received") == received + 1  # graded there, not here


@pytest.mark.parametrize("language,sentence", [
    ("en", "no attempt was used"),
    ("fr", "aucune tentative"),
    ("ar", "لم تُستهلك أي محاولة"),
])
def test_service_down_uses_no_attempt_and_says_so(block, use_workers, language, sentence, services):
    use_workers("jobintech.test.nobody",
                JOBINTECH_GRADER_BROKER=f"amqp://guest:secret@127.0.0.1:{closed_port()}//")
    status, body = support.call(block, "submit", {"files": {"somme.py": SOLUTION}}, language=language)
    assert status == 200
    assert body["verdict"]["status"] == "error" and body["attempt_counted"] is False
    assert sentence in body["verdict"]["status_message"].lower()
    text = json.dumps(body)
    assert "127.0.0.1" not in text and "secret" not in text and "unreachable" not in text
    assert block.attempts == 0 and not block.runtime.events
