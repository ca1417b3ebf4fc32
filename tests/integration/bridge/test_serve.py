"""`jobintech serve` as an operator runs it, and the settings it starts with."""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import FIXTURE_COURSE

REPO = Path(__file__).resolve().parents[3]


def run_python(code, env):
    return subprocess.run([sys.executable, "-c", code], env={**os.environ, **env}, cwd=REPO,
                          capture_output=True, text=True, timeout=60)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_migrates_loads_the_course_and_answers(tmp_path):
    port = free_port()
    env = {**os.environ, "JOBINTECH_DATA_DIR": str(tmp_path / "data"), "PYTHONUNBUFFERED": "1"}
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "jobintech.cli", "serve", "--port", str(port), "--course", str(FIXTURE_COURSE)],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        body = None
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    body = response.read().decode()
                    headers = response.headers
                break
            except OSError:
                if process.poll() is not None:
                    break
                time.sleep(0.2)
        assert body is not None, process.communicate(timeout=10)
        assert "Cours d&#x27;essai du pont" in body and '<html lang="fr"' in body
        assert headers["Server"] == "jobintech"
        # The test block is not installed in a real deployment: the unit still renders.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/preview/vertical.u_somme", timeout=5) as response:
            page = response.read().decode()
        assert "jit-unavailable" in page and 'data-init="ThumbsBlock"' in page
    finally:
        process.terminate()
        out, err = process.communicate(timeout=20)
    assert "echo_exercise" in err  # warned about the uninstalled block type at start
    assert (tmp_path / "data" / "db.sqlite3").is_file()
    assert (tmp_path / "data" / "secret_key").stat().st_mode & 0o777 == 0o600


def test_serve_refuses_a_broken_course_with_exit_2(tmp_path):
    (tmp_path / "course.xml").write_text("<course>\n<chapter>\n</course>", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "jobintech.cli", "serve", "--course", str(tmp_path)],
        cwd=REPO, env={**os.environ, "JOBINTECH_DATA_DIR": str(tmp_path / "data")},
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert "course.xml:3: invalid XML" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_refuses_a_missing_course_and_a_bad_port(tmp_path):
    env = {**os.environ, "JOBINTECH_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-m", "jobintech.cli", "serve", "--course", str(tmp_path / "none")],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "course.xml: not found" in result.stderr
    result = subprocess.run([sys.executable, "-m", "jobintech.cli", "serve", "--port", "70000"],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "not a TCP port" in result.stderr


PRINT_SETTINGS = (
    "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'lti_bridge.settings'; django.setup();"
    "from django.conf import settings as s;"
    "print(s.SECRET_KEY); print(s.DATABASES['default']['ENGINE']); print(s.DEBUG); print(','.join(s.ALLOWED_HOSTS))"
)


def test_secret_key_is_generated_once_and_kept(tmp_path):
    env = {"JOBINTECH_DATA_DIR": str(tmp_path), "JOBINTECH_SECRET_KEY": "", "DATABASE_URL": ""}
    first = run_python(PRINT_SETTINGS, env).stdout.splitlines()
    second = run_python(PRINT_SETTINGS, env).stdout.splitlines()
    assert first[0] == second[0] and len(first[0]) >= 50
    assert (tmp_path / "secret_key").read_text() == first[0]
    other = run_python(PRINT_SETTINGS, {**env, "JOBINTECH_DATA_DIR": str(tmp_path / "other")}).stdout
    assert other.splitlines()[0] != first[0]
    assert first[1:] == ["django.db.backends.sqlite3", "False", "127.0.0.1,localhost,[::1]"]


def test_environment_selects_postgres_debug_and_hosts(tmp_path):
    lines = run_python(PRINT_SETTINGS, {
        "JOBINTECH_DATA_DIR": str(tmp_path), "DATABASE_URL": "postgres://jit:secret@db.example:5432/jobintech",
        "JOBINTECH_DEBUG": "1", "JOBINTECH_ALLOWED_HOSTS": "bridge.um5.ac.ma, localhost",
    }).stdout.splitlines()
    assert lines[1:] == ["django.db.backends.postgresql", "True", "bridge.um5.ac.ma,localhost"]



def test_workbench_shows_the_scenarios_of_the_suite_blocks(tmp_path):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "xblocks.workbench", f"127.0.0.1:{port}"], cwd=REPO,
        env={**os.environ, "JOBINTECH_DATA_DIR": str(tmp_path)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        body = None
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60) as response:
                    body = response.read().decode()
                break
            except OSError:
                if process.poll() is not None:
                    break
                time.sleep(0.2)
        assert body is not None, "the workbench did not start"
        for block_type in ("coding_exercise", "lesson", "quiz", "bootcamp_module"):
            assert f'href="/scenario/{block_type}.0/"' in body
    finally:
        process.terminate()
        process.communicate(timeout=20)
    assert (tmp_path / "workbench.db").is_file()
