"""`jobintech grade` as operators' scripts use it (DESIGN.md contract), run as a real process."""
import json
import os
import subprocess
import sys
import textwrap

import pytest

TESTS = textwrap.dedent("""\
    import unittest
    from bob import response

    class BobTest(unittest.TestCase):
        def test_question(self):
            self.assertEqual(response("Ça va ?"), "Sure.")

        def test_yell(self):
            self.assertEqual(response("WATCH OUT!"), "Whoa, chill out!")

        def test_silence(self):
            self.assertEqual(response("   "), "Fine. Be that way!")
    """)
RIGHT = textwrap.dedent("""\
    def response(text):
        text = text.strip()
        if not text:
            return "Fine. Be that way!"
        if text.isupper():
            return "Whoa, chill out!"
        if text.endswith("?"):
            return "Sure."
        return "Whatever."
    """)
WRONG = 'def response(text):\n    return "Sure." if text.strip().endswith("?") else "Whatever."\n'


def jobintech(*args, cwd):
    return subprocess.run([sys.executable, "-m", "jobintech", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def workspace(tmp_path):
    (tmp_path / "test_bob.py").write_text(TESTS)
    (tmp_path / "right").mkdir()
    (tmp_path / "right" / "bob.py").write_text(RIGHT)
    (tmp_path / "wrong").mkdir()
    (tmp_path / "wrong" / "bob.py").write_text(WRONG)
    (tmp_path / "bob.py").write_text(RIGHT)
    return tmp_path


def test_json_lines_one_per_submission_in_order(workspace):
    r = jobintech("grade", "--language", "python", "--tests", "test_bob.py", "--json",
                  "bob.py", "right", "wrong", cwd=workspace)
    assert r.returncode == 0, r.stderr
    records = [json.loads(line) for line in r.stdout.splitlines()]
    assert [x["submission"] for x in records] == ["bob.py", "right", "wrong"]
    for rec in records:
        assert set(rec) >= {"submission", "status", "score", "passed", "total", "tests"}
        assert rec["status"] == "ok" and rec["total"] == 3
        assert all(set(t) == {"name", "outcome", "message"} for t in rec["tests"])
    assert records[0]["score"] == 1.0 and records[1]["score"] == 1.0
    wrong = {t["name"].split(".")[-1].split(" ")[0]: t["outcome"] for t in records[2]["tests"]}
    assert records[2]["passed"] == 1 and records[2]["score"] == pytest.approx(1 / 3, abs=1e-5)
    assert sorted(wrong.values()) == ["failed", "failed", "passed"]


def test_same_verdicts_as_a_bare_run(workspace):
    bare = subprocess.run([sys.executable, "-m", "unittest", "-v", "test_bob"], capture_output=True,
                          text=True, cwd=workspace / "wrong", env={**os.environ, "PYTHONPATH": str(workspace)})
    bare_failed = {line.split()[0] for line in bare.stderr.splitlines() if line.endswith("FAIL")}
    r = jobintech("grade", "--language", "python", "--tests", "test_bob.py", "--json", "wrong", cwd=workspace)
    ours_failed = {t["name"].split(".")[-1].split(" ")[0] for t in json.loads(r.stdout)["tests"]
                   if t["outcome"] != "passed"}
    assert bare_failed == ours_failed == {"test_yell", "test_silence"}


def test_text_output_is_readable(workspace):
    r = jobintech("grade", "--language", "python", "--tests", "test_bob.py", "wrong", cwd=workspace)
    assert r.returncode == 0
    assert r.stdout.startswith("wrong: ok 1/3")
    assert "FAIL" in r.stdout and "PASS" in r.stdout


def test_exercise_xml(workspace):
    (workspace / "bob.xml").write_text(f"""<coding_exercise language="python">
  <starter><file name="bob.py"><![CDATA[def response(text):\n    pass\n]]></file></starter>
  <tests visibility="visible"><file name="test_bob.py"><![CDATA[{TESTS}]]></file></tests>
</coding_exercise>""")
    r = jobintech("grade", "--exercise", "bob.xml", "--json", "right", "wrong", cwd=workspace)
    assert r.returncode == 0, r.stderr
    assert [json.loads(line)["score"] for line in r.stdout.splitlines()][0] == 1.0


@pytest.mark.parametrize("args, message", [
    (["--language", "python", "--tests", "test_bob.py", "missing.py"], "'missing.py' does not exist"),
    (["--language", "cobol", "--tests", "test_bob.py", "bob.py"], "invalid choice: 'cobol'"),
    (["--language", "python", "--tests", "nope.py", "bob.py"], "test file 'nope.py' does not exist"),
    (["--language", "python", "bob.py"], "at least one --tests"),
    (["--tests", "test_bob.py", "bob.py"], "--language is required"),
    (["--exercise", "nope.xml", "bob.py"], "exercise file 'nope.xml' does not exist"),
    (["--exercise", "broken.xml", "bob.py"], "not well-formed XML"),
])
def test_bad_input_exits_2_with_a_clear_message(workspace, args, message):
    (workspace / "broken.xml").write_text("<coding_exercise>")
    r = jobintech("grade", *args, cwd=workspace)
    assert r.returncode == 2
    assert message in r.stderr
    assert "Traceback" not in r.stderr


def test_unknown_subcommand(workspace):
    r = jobintech("gade", cwd=workspace)
    assert r.returncode == 2 and "unknown command 'gade'" in r.stderr
