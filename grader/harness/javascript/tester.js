'use strict';
// The test process (T). Its sandbox holds the author's test files and, under the learner's file
// names, stubs that forward to the learner process (L) through client.js. Started as
//   node --test-reporter=<harness>/reporter.mjs tester.js READ_FD WRITE_FD
// it reads its job on stdin: {nonce, tests: [{name, content}], learner: [file names]}.
// Results go to stdout as lines "<nonce> <json>" (reporter.mjs); L cannot reach this stdout.

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const client = require('./client.js');

const WORKDIR = process.cwd();
const CLIENT_PATH = JSON.stringify(require.resolve('./client.js'));
const SENTINEL = 'jobintech:end-of-tests';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function isModuleFile(name) {
  return /\.(c|m)?js$/.test(name);
}

function isEsm(name) {
  return name.endsWith('.mjs');
}

// Relative specifiers of a test file that name a learner file, with the names it imports.
function importsOf(testName, source, learnerFiles) {
  const found = new Map(); // learner file -> Set of imported names ('*' for a namespace)
  const resolve = (spec) => {
    if (!spec.startsWith('./') && !spec.startsWith('../')) return null;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(testName), spec));
    for (const candidate of [target, `${target}.js`, `${target}.mjs`, `${target}.cjs`, `${target}/index.js`]) {
      if (learnerFiles.has(candidate)) return candidate;
    }
    return null;
  };
  const note = (spec, names) => {
    const file = resolve(spec);
    if (!file) return;
    if (!found.has(file)) found.set(file, new Set());
    for (const name of names) found.get(file).add(name);
  };
  const clause = /\b(?:import|export)\s+([\w$*{}\s,]*?)\s*from\s*(['"])([^'"\n]+)\2/g;
  for (const match of source.matchAll(clause)) {
    const names = [];
    const text = match[1];
    const braces = /\{([^}]*)\}/.exec(text);
    if (braces) {
      for (const part of braces[1].split(',')) {
        const imported = part.trim().split(/\s+as\s+/)[0].trim();
        if (imported) names.push(imported);
      }
    }
    const outside = text.replace(/\{[^}]*\}/, '').split(',').map((s) => s.trim()).filter(Boolean);
    for (const part of outside) names.push(part.startsWith('*') ? '*' : 'default');
    note(match[3], names);
  }
  for (const match of source.matchAll(/(['"])(\.\.?\/[^'"\n]+)\1/g)) note(match[2], []);
  return found;
}

function writeFile(name, content) {
  const target = path.join(WORKDIR, name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, content);
}

function esmStub(name, names) {
  const lines = [`import client from ${CLIENT_PATH};`,
    `const m = client.loadModule(${JSON.stringify(name)}, true);`,
    `export default client.pick(m, 'default', ${JSON.stringify(name)});`];
  let index = 0;
  for (const exported of names) {
    if (exported === 'default' || !IDENTIFIER.test(exported)) continue;
    lines.push(`const e${index} = client.pick(m, ${JSON.stringify(exported)}, ${JSON.stringify(name)});`,
      `export { e${index} as ${exported} };`);
    index += 1;
  }
  return `${lines.join('\n')}\n`;
}

function cjsStub(name, names) {
  // The dead `exports.x =` lines let ES module tests import named exports (cjs-module-lexer).
  const hints = [...names].filter((n) => IDENTIFIER.test(n) && n !== 'default')
    .map((n) => `exports.${n} = undefined;`);
  return `module.exports = require(${CLIENT_PATH}).loadModule(${JSON.stringify(name)}, false);\n` +
    (hints.length ? `if (false) {\n${hints.join('\n')}\n}\n` : '');
}

function writeStubs(job) {
  // A test file always wins over a learner file of the same name (else a learner could
  // replace a hidden test file with a stub of its own and so remove its tests).
  const testNames = new Set(job.tests.map((t) => t.name));
  const learnerFiles = new Set(job.learner.filter((n) => isModuleFile(n) && !testNames.has(n)));
  const wanted = new Map();
  for (const test of job.tests) {
    for (const [file, names] of importsOf(test.name, test.content, learnerFiles)) {
      if (!wanted.has(file)) wanted.set(file, new Set());
      for (const n of names) wanted.get(file).add(n);
    }
  }
  for (const file of learnerFiles) {
    const names = wanted.get(file) || new Set();
    if (isEsm(file)) {
      // ES module stubs need their export names before linking: load the module in L now.
      if (wanted.has(file)) client.loadModule(file, true);
      for (const n of client.exportNames(file)) names.add(n);
      writeFile(file, esmStub(file, names));
    } else {
      writeFile(file, cjsStub(file, names));
    }
  }
}

// "test file x.test.js, line 4: SyntaxError: ..." for a test file the author must fix.
function authorError(testName, error) {
  const stack = String((error && error.stack) || error);
  const escaped = `${WORKDIR}/`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:file://)?${escaped}([^:\\s)]+):(\\d+)`).exec(stack);
  const where = match ? `${match[1]}, line ${match[2]}` : testName;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `test file ${where}: ${text}`;
}

// The relative name of a file the tests import but nobody provided (the learner forgot it).
function missingLocalFile(error) {
  if (!error || (error.code !== 'MODULE_NOT_FOUND' && error.code !== 'ERR_MODULE_NOT_FOUND')) return null;
  const match = /Cannot find module '([^']+)'/.exec(String(error.message));
  if (!match) return null;
  const spec = match[1].replace(/^file:\/\//, '');
  const full = spec.startsWith('/') ? spec : null;
  if (full && full.startsWith(`${WORKDIR}/`)) return path.relative(WORKDIR, full);
  if (spec.startsWith('./') || spec.startsWith('../')) return spec;
  return null;
}

async function loadTests(job) {
  const test = require('node:test');
  for (const file of job.tests) {
    const full = path.join(WORKDIR, file.name);
    try {
      if (isEsm(file.name)) {
        await import(pathToFileURL(full).href);
      } else {
        require(full);
      }
    } catch (error) {
      const missing = missingLocalFile(error);
      if (missing) {
        client.emit({ k: 'file_failed', file: file.name, message: `${missing} is missing from your submission` });
      } else if (client.isLearnerFault(error) || client.state.gone) {
        const reason = client.state.gone ? client.state.gone.message : `${error.name}: ${error.message}`;
        client.emit({ k: 'file_failed', file: file.name, message: reason, gone: Boolean(client.state.gone) });
      } else {
        client.emit({ k: 'author_error', file: file.name, message: authorError(file.name, error) });
        process.exit(1);
      }
    }
  }
  test(SENTINEL, () => {});
}

async function main() {
  const [readFd, writeFd] = process.argv.slice(2, 4).map(Number);
  const job = JSON.parse(fs.readFileSync(0, 'utf8'));
  client.connect(readFd, writeFd, job.nonce);
  for (const file of job.tests) writeFile(file.name, file.content);
  writeStubs(job);
  await loadTests(job);
}

main().catch((error) => {
  client.emit({ k: 'harness_error', message: String((error && error.stack) || error) });
  process.exit(1);
});
