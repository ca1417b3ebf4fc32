"""Escape, forgery and denial of service from JavaScript learner code (Node.js)."""
import pytest

from tests.security.conftest import (assert_no_host_file, assert_no_process_left, assert_not_passed,
                                     grade_js)

pytestmark = pytest.mark.sandbox

ATTACKS = {
    # escape
    "tcp_to_host_postgresql": """
const net = require('net');
const { execFileSync } = require('child_process');
function add(a, b) {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import socket; socket.create_connection(("127.0.0.1", 5432), timeout=1)']);
    return a + b;
  } catch (e) { return null; }
}
module.exports = { add };
""",
    "dns_lookup": """
const { execFileSync } = require('child_process');
function add(a, b) {
  try {
    execFileSync('/usr/bin/node', ['-e', "require('dns').lookup('pypi.org', (e) => process.exit(e ? 1 : 0))"]);
    return a + b;
  } catch (e) { return null; }
}
module.exports = { add };
""",
    "read_host_files": """
const fs = require('fs');
function add(a, b) {
  for (const p of ['/etc/passwd', '/etc/shadow', '/root/.bashrc', '/work/main/setup.py']) {
    try { fs.readFileSync(p); return a + b; } catch (e) {}
  }
  return null;
}
module.exports = { add };
""",
    "shell_out": """
const { execSync } = require('child_process');
function add(a, b) {
  try { execSync('cat /etc/hostname'); return a + b; } catch (e) { return null; }
}
module.exports = { add };
""",
    "see_host_processes": """
const fs = require('fs');
function add(a, b) {
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1');
      if (/pytest|postgres|redis/.test(cmd)) return a + b;
    } catch (e) {}
  }
  return null;
}
module.exports = { add };
""",
    "find_the_test_files": """
const fs = require('fs');
const path = require('path');
function walk(dir, depth) {
  if (depth > 4 || /^\\/(proc|sys|usr|dev)/.test(dir)) return false;
  let entries = [];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) { return false; }
  for (const e of entries) {
    if (e.name === 'attack.test.js') return true;
    if (e.isDirectory() && walk(path.join(dir, e.name), depth + 1)) return true;
  }
  return false;
}
function add(a, b) { return walk('/', 0) ? a + b : null; }
module.exports = { add };
""",
    # forgery
    "patch_assert": """
const assert = require('node:assert');
assert.strict.equal = () => {};
assert.equal = () => {};
require('node:assert/strict').equal = () => {};
function add(a, b) { return null; }
module.exports = { add };
""",
    "exit_zero_on_require": """
process.exit(0);
module.exports = { add: () => null };
""",
    "exit_zero_in_call": """
function add(a, b) { process.exit(0); }
module.exports = { add };
""",
    "fake_tap_output": """
console.log('TAP version 13\\nok 1 - small\\nok 2 - negative\\n1..2\\n# pass 2\\n# fail 0');
process.stdout.write('{"status":"ok","tests":[{"name":"small","outcome":"passed"}]}\\n');
function add(a, b) { console.log('ok 1 - small'); return null; }
module.exports = { add };
""",
    "lying_value_of": """
function add(a, b) {
  return { valueOf() { return a + b; }, toString() { return String(a + b); },
           [Symbol.toPrimitive]() { return a + b; }, toJSON() { return a + b; } };
}
module.exports = { add };
""",
    "proxy_object": """
function add(a, b) {
  return new Proxy({}, { get: () => () => true, getPrototypeOf: () => Number.prototype });
}
module.exports = { add };
""",
    "kill_the_harness": """
for (const pid of [process.ppid, 1, 2, 3]) { try { process.kill(pid, 'SIGKILL'); } catch (e) {} }
module.exports = { add: () => null };
""",
    "rewrite_test_files": """
const fs = require('fs');
for (const dir of ['.', '/work', '/tmp', '/tests', '/harness']) {
  try {
    for (const f of fs.readdirSync(dir)) {
      if (f.endsWith('.test.js')) {
        fs.writeFileSync(`${dir}/${f}`, "require('node:test')('small', () => {}); require('node:test')('negative', () => {});");
      }
    }
  } catch (e) {}
}
module.exports = { add: () => null };
""",
    "on_exit_rewrites_code": """
process.on('exit', () => { process.exitCode = 0; });
process.on('uncaughtException', () => {});
module.exports = { add: () => { throw new Error('boom'); } };
""",
    # denial of service
    "infinite_loop": """
function add(a, b) { for (;;) {} }
module.exports = { add };
""",
    "memory_bomb": """
function add(a, b) { const x = []; for (;;) x.push(new Array(1e6).fill(1)); }
module.exports = { add };
""",
    "output_flood": """
function add(a, b) { for (;;) process.stdout.write('spam'.repeat(1000)); }
module.exports = { add };
""",
    "never_settling_promise": """
async function add(a, b) { return new Promise(() => {}); }
module.exports = { add };
""",
}


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_attack_fails(name):
    assert_not_passed(grade_js(ATTACKS[name]))


def test_process_spawn_bomb_leaves_nothing(marker):
    code = f"""
const {{ spawn }} = require('child_process');
function add(a, b) {{
  for (;;) {{
    try {{ spawn('/usr/bin/sleep', ['600'], {{ detached: true, env: {{ M: '{marker}' }} }}).unref(); }} catch (e) {{}}
  }}
}}
module.exports = {{ add }};
"""
    assert_not_passed(grade_js(code))
    assert_no_process_left(marker)


def test_writing_host_tmp_leaves_nothing(marker):
    code = f"""
const fs = require('fs');
for (const d of ['/tmp', '/var/tmp', '/dev/shm']) {{ try {{ fs.writeFileSync(`${{d}}/{marker}`, 'x'); }} catch (e) {{}} }}
module.exports = {{ add: () => null }};
"""
    assert_not_passed(grade_js(code))
    assert_no_host_file(marker)


def test_an_honest_solution_still_passes():
    v = grade_js("module.exports = { add: (a, b) => a + b };")
    assert v.status == "ok" and v.score == 1.0
