"""HTML of the block's views, from Django templates in templates/.

A standalone Django template Engine is used (not the project's TEMPLATES setting, not Mako) so
the views render the same in Open edX, the xblock-sdk workbench, the LTI bridge and a plain
runtime without Django settings. Contexts therefore hold strings, never numbers to localise.
"""
from __future__ import annotations

import json
from pathlib import Path

from django.template import Context, Engine

PACKAGE_DIR = Path(__file__).resolve().parent
_ENGINE = Engine(dirs=[str(PACKAGE_DIR / "templates")], debug=False, autoescape=True)


def render_template(name: str, context: dict) -> str:
    template = _ENGINE.get_template(name)
    return template.render(Context(context, autoescape=True, use_l10n=False, use_tz=False))


def read_static(path: str) -> str:
    return (PACKAGE_DIR / path).read_text(encoding="utf-8")


def script_json(data) -> str:
    """JSON safe to place inside a <script> element (no '</script>' break-out)."""
    return (json.dumps(data, ensure_ascii=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
