"""Browser tests: a real `jobintech serve` and Debian's Chromium driven by Playwright."""
import os
import shutil
import socket
import subprocess
import sys
import time

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    port = _free_port()
    data = tmp_path_factory.mktemp("bridge-data")
    env = {**os.environ, "JOBINTECH_DATA_DIR": str(data)}
    log = open(data / "server.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "jobintech", "serve", "--host", "127.0.0.1",
                             "--port", str(port)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"jobintech serve exited: {(data / 'server.log').read_text()}")
            time.sleep(0.3)
    else:
        proc.kill()
        raise RuntimeError("jobintech serve did not start within 90 s")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)
    log.close()


# Module scope: an open sync Playwright keeps an asyncio loop in this thread, which makes another
# module's sync_playwright() (and Django's database access) refuse to run until it is closed.
@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: `make setup` installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()
