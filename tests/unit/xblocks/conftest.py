"""Fixtures of the blocks' browser tests: the xblock-sdk workbench and a Chromium.

Both are module-scoped: each browser test module gets its own workbench (its own data
directory, so learner state does not leak between modules). Helpers: browser_support.py.
"""
import html
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from browser_support import CHROMIUM, ROOT, require_browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _scenario_links(index: str) -> dict[str, str]:
    """Scenario title -> path, for every block's scenarios on the workbench's index page."""
    links = {}
    for href, title in re.findall(r'<a href="(/scenario/\w+\.\d+/)">([^<]+)</a>', index):
        title = html.unescape(title)
        if title in links:  # tests open scenarios by title: two with one title would be ambiguous
            pytest.fail(f"two workbench scenarios are titled {title!r} ({links[title]}, {href}): "
                        "rename one in its block's scenarios.py")
        links[title] = href
    return links


@pytest.fixture(scope="module")
def workbench(tmp_path_factory):
    """(base URL, {scenario title: path}) of a workbench serving the suite's blocks."""
    port = free_port()
    env = {**os.environ, "JOBINTECH_DATA_DIR": str(tmp_path_factory.mktemp("workbench"))}
    log = open(tmp_path_factory.mktemp("log") / "workbench.log", "w+")
    server = subprocess.Popen([sys.executable, "-m", "xblocks.workbench", f"127.0.0.1:{port}"],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        index = ""
        for _ in range(240):
            try:
                index = urllib.request.urlopen(base + "/", timeout=60).read().decode()
                break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.5)
        if not index:
            log.seek(0)
            pytest.fail(f"the workbench did not start:\n{log.read()[-3000:]}")
        yield base, _scenario_links(index)
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def browser():
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()
