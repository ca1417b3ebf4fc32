"""Blocks outside Django (a plain XBlock runtime): the runtime's i18n service picks the language.

Runs in a fresh interpreter without DJANGO_SETTINGS_MODULE, as a third-party runtime would.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = r"""
import gettext, json, sys
from xblock.test.toy_runtime import ToyRuntime
from xblocks.quiz.scenarios import QUIZ_SQL
import xblocks.quiz

language = sys.argv[1]
runtime = ToyRuntime(user_id="plain")
if language != "none":
    runtime._services["i18n"] = gettext.translation(
        "text", localedir=str(__import__("pathlib").Path(xblocks.quiz.__file__).parent / "translations"),
        languages=[language])
block = runtime.get_block(runtime.parse_xml_string(QUIZ_SQL))
html = runtime.render(block, "student_view").body_html()
from django.conf import settings
print(json.dumps({"html": html, "django_configured": settings.configured}))
"""


def run(language: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = str(ROOT)
    out = subprocess.run([sys.executable, "-c", SCRIPT, language], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=True)
    return json.loads(out.stdout)


def test_the_runtimes_i18n_service_chooses_the_language_without_django():
    result = run("ar")
    assert result["django_configured"] is False
    assert 'lang="ar" dir="rtl"' in result["html"] and ">إرسال</button>" in result["html"]


def test_without_any_i18n_service_the_english_source_strings_show():
    result = run("none")
    assert 'lang="en" dir="ltr"' in result["html"] and ">Submit</button>" in result["html"]
