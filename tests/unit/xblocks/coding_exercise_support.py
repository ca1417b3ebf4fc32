"""Helpers for the coding_exercise tests (also used by other blocks' tests): a toy runtime that records what blocks publish."""
from __future__ import annotations

import json
from pathlib import Path

from django.utils import translation
from webob import Request
from xblock.test.toy_runtime import ToyRuntime

import xblocks.coding_exercise as package

SCENARIOS = Path(package.__file__).parent / "scenarios"


class RecordingRuntime(ToyRuntime):
    """ToyRuntime whose publish() keeps the events, as the LMS or the LTI bridge would get them."""

    def __init__(self, user_id="learner-1"):
        super().__init__(user_id=user_id)
        self.events = []

    def publish(self, block, event_type, event_data):
        self.events.append((event_type, dict(event_data)))

    def events_of(self, kind):
        return [data for event, data in self.events if event == kind]


def load_block(xml: str, runtime=None):
    runtime = runtime or RecordingRuntime()
    return runtime.get_block(runtime.parse_xml_string(xml))


def scenario_xml(name: str) -> str:
    return (SCENARIOS / f"{name}.xml").read_text(encoding="utf-8")


def call(block, handler: str, payload=None, language="en"):
    """POST JSON to a handler the way the browser does; returns (status, decoded JSON)."""
    body = json.dumps(payload if payload is not None else {}).encode("utf-8")
    request = Request.blank("/", method="POST", body=body, content_type="application/json")
    with translation.override(language):
        response = block.runtime.handle(block, handler, request)
    return response.status_code, json.loads(response.body.decode("utf-8"))


def render(block, view="student_view", language="en") -> str:
    with translation.override(language):
        return block.runtime.render(block, view).content
