"""`jobintech lti ...` as operators run it: a real process, a real data directory."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lti_bridge.lti import keys

ROOT = Path(__file__).resolve().parents[3]


def jobintech(data_dir, *args):
    env = dict(os.environ, JOBINTECH_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="lti_bridge.settings")
    env.pop("DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "jobintech", "lti", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_tool_config_json(tmp_path):
    result = jobintech(tmp_path, "tool-config", "--base-url", "https://bridge.um5.ac.ma/", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "initiate_login_uri": "https://bridge.um5.ac.ma/lti/login",
        "target_link_uri": "https://bridge.um5.ac.ma/lti/launch",
        "redirect_uris": ["https://bridge.um5.ac.ma/lti/launch"],
        "jwks_uri": "https://bridge.um5.ac.ma/lti/jwks.json",
        "dynamic_registration_url": "https://bridge.um5.ac.ma/lti/register",
    }


def test_tool_config_rejects_a_relative_base_url(tmp_path):
    result = jobintech(tmp_path, "tool-config", "--base-url", "bridge.um5.ac.ma", "--json")
    assert result.returncode == 2 and "not an absolute http(s) URL" in result.stderr


def test_add_and_list_platforms(tmp_path):
    pem = tmp_path / "moodle.pem"
    pem.write_text(keys.generate_private_key_pem())
    moodle = ["--name", "ENSIAS Moodle", "--issuer", "https://moodle.ensias.ma", "--client-id", "abc",
              "--deployment-id", "1", "--auth-login-url", "https://moodle.ensias.ma/mod/lti/auth.php",
              "--auth-token-url", "https://moodle.ensias.ma/mod/lti/token.php"]
    result = jobintech(tmp_path, "add-platform", *moodle, "--keyset-url", "https://moodle.ensias.ma/mod/lti/certs.php")
    assert result.returncode == 0, result.stderr
    canvas = ["--name", "UIR Canvas", "--issuer", "https://canvas.instructure.com", "--client-id", "1000001",
              "--deployment-id", "7:abc", "--auth-login-url", "https://sso.canvaslms.com/api/lti/authorize_redirect",
              "--auth-token-url", "https://sso.canvaslms.com/login/oauth2/token"]
    result = jobintech(tmp_path, "add-platform", *canvas, "--public-key", str(pem))
    assert result.returncode == 0, result.stderr
    listed = json.loads(jobintech(tmp_path, "list-platforms", "--json").stdout)
    assert [(p["name"], p["status"], p["deployments"], p["public_key"]) for p in listed] == [
        ("ENSIAS Moodle", "active", ["1"], False), ("UIR Canvas", "active", ["7:abc"], True)]
    text = jobintech(tmp_path, "list-platforms").stdout
    assert "ENSIAS Moodle" in text and "client_id=1000001" in text


@pytest.mark.parametrize("change, message", [
    ({"--auth-login-url": "http://moodle.ensias.ma/auth"}, "--auth-login-url URL http://moodle.ensias.ma/auth must use https://"),
    ({"--public-key": "not a key"}, "neither a PEM file nor PEM text"),
    ({"--client-id": " "}, "--client-id must not be empty"),
])
def test_add_platform_bad_input_names_the_field(tmp_path, change, message):
    args = {"--name": "X", "--issuer": "https://x.ma", "--client-id": "c", "--deployment-id": "1",
            "--auth-login-url": "https://x.ma/auth", "--auth-token-url": "https://x.ma/token",
            "--keyset-url": "https://x.ma/jwks"}
    args.update(change)
    if "--public-key" in change:
        del args["--keyset-url"]
    result = jobintech(tmp_path, "add-platform", *[a for pair in args.items() for a in pair])
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_missing_key_option_is_a_usage_error(tmp_path):
    result = jobintech(tmp_path, "add-platform", "--name", "X")
    assert result.returncode == 2 and "required" in result.stderr and "Traceback" not in result.stderr


def test_rotate_key(tmp_path):
    first = json.loads(jobintech(tmp_path, "rotate-key", "--json").stdout)
    second = json.loads(jobintech(tmp_path, "rotate-key", "--json").stdout)
    assert first["kid"] != second["kid"]


def test_activate_a_pending_platform(tmp_path):
    args = ["--name", "X", "--issuer", "https://x.ma", "--client-id", "c", "--deployment-id", "1",
            "--auth-login-url", "https://x.ma/auth", "--auth-token-url", "https://x.ma/token",
            "--keyset-url", "https://x.ma/jwks", "--inactive"]
    assert jobintech(tmp_path, "add-platform", *args).returncode == 0
    [row] = json.loads(jobintech(tmp_path, "list-platforms", "--json").stdout)
    assert row["status"] == "pending"
    assert jobintech(tmp_path, "activate", str(row["id"])).returncode == 0
    assert json.loads(jobintech(tmp_path, "list-platforms", "--json").stdout)[0]["status"] == "active"
    missing = jobintech(tmp_path, "activate", "999")
    assert missing.returncode == 2 and "No LTI platform has id 999" in missing.stderr
