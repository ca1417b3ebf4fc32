"""What the browser tests of the blocks share (the fixtures are in conftest.py): whether a
browser is there, and opening a workbench page that records its JavaScript errors.

A browser test module starts with:
    from browser_support import open_page, require_browser
    require_browser()
    from playwright.sync_api import expect  # noqa: E402
"""
import importlib.util
import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def require_browser() -> None:
    """Skip the calling test module when Chromium or playwright is missing."""
    if CHROMIUM is None or importlib.util.find_spec("playwright") is None:
        pytest.skip("needs Chromium and playwright (make setup installs both)", allow_module_level=True)


def open_page(browser, url: str, language: str, selector: str):
    """A new page in *language* at *url*, once *selector* is there; and the list of its page errors."""
    page = browser.new_page(extra_http_headers={"Accept-Language": language})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_selector(selector)
    return page, errors
