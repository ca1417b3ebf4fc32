'use strict';
// The learner process (L). Runs in its own sandbox, which holds the learner's files and nothing
// of the tests. Loads the learner's modules (CommonJS and ES modules) on request and answers the
// test process's requests over the two pipes it was given (argv: read fd, write fd).
//
// Nothing here is trusted: the learner's code runs in this very process and may rewrite any of
// it. The test process checks everything it receives (see rpc.js).

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { spawnSync } = require('child_process');
const { Peer, AsyncResult } = require('./rpc.js');
const { objectHandlers } = require('./objects.js');

const [readFd, writeFd] = process.argv.slice(2, 4).map(Number);
const WORKDIR = process.cwd();

function writeFiles(files) {
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(WORKDIR, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
}

// "somme.js, line 3" from an error's stack, for the learner's own files only.
function learnerLocation(error, stack) {
  const prefix = `${WORKDIR}/`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:file://)?${prefix}([^:\\s)]+):(\\d+)`).exec(String(stack || ''));
  return match ? `${match[1]}, line ${match[2]}` : '';
}

// Node 20 gives an ES module's SyntaxError no file or line; `node --check` prints them.
function withSyntaxLocation(error, file) {
  if (!(error instanceof SyntaxError) || learnerLocation(error, error.stack)) return error;
  const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8', timeout: 3000 });
  if (check.stderr && learnerLocation(null, check.stderr)) error.stack = `${check.stderr}\n${error.stack}`;
  return error;
}

function loadModule(message) {
  const name = String(message.name);
  const file = path.join(WORKDIR, name);
  if (!file.startsWith(`${WORKDIR}/`) || !fs.existsSync(file)) {
    throw new Error(`the file ${name} was not submitted`);
  }
  if (name.endsWith('.mjs') || message.esm === true) {
    return new AsyncResult(import(pathToFileURL(file).href).catch((error) => {
      throw withSyntaxLocation(error, file);
    }));
  }
  return require(file);
}

// The test process asks us to settle a Promise we handed it: let our event loop run until then.
let waiting = null;
function awaitPromise(message, peer) {
  if (!peer.exported.has(message.p)) throw new ReferenceError('unknown Promise');
  const promise = Promise.resolve(peer.exported.get(message.p));
  return new AsyncResult(new Promise((resolve, reject) => {
    waiting = reject;
    promise.then(resolve, reject);
  }));
}

// If our event loop empties while the test waits, the Promise can never settle: say so.
process.on('beforeExit', () => {
  if (waiting) {
    const reject = waiting;
    waiting = null;
    reject(new Error('the Promise never settled (no timer or I/O left that could settle it)'));
  }
});

function serve(peer) {
  for (;;) {
    let pending;
    try {
      pending = peer.serveOne(peer.receive(), false);
    } catch (e) {
      process.exit(0); // the test process is gone: nothing left to do
    }
    if (pending) {
      pending.then(() => {
        waiting = null;
        setImmediate(() => serve(peer));
      }, () => process.exit(0));
      return;
    }
  }
}

// Make the learner's console output blocking: otherwise, once the pipe is full, Node queues it
// in memory and a printing loop grows until the memory limit instead of hitting the output cap.
function blockingOutput() {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream._handle && typeof stream._handle.setBlocking === 'function') stream._handle.setBlocking(true);
  }
}

// The console methods the tests replaced (client.js): ours call theirs while they are replaced.
const ownConsole = Object.fromEntries(['log', 'info', 'warn', 'error', 'debug'].map(
  (name) => [name, console[name]]));

function applyConsole(message, peer) {
  if (!Array.isArray(message.console)) return;
  const theirs = new Map();
  for (const entry of message.console) {
    if (Array.isArray(entry) && Object.prototype.hasOwnProperty.call(ownConsole, entry[0])) {
      theirs.set(entry[0], peer.decode(entry[1]));
    }
  }
  for (const name of Object.keys(ownConsole)) {
    const fn = theirs.get(name);
    console[name] = typeof fn === 'function' ? (...args) => { fn(...args); } : ownConsole[name];
  }
}

function withConsole(handlers) {
  return Object.fromEntries(Object.entries(handlers).map(([op, handler]) => [op, (message, peer, nested) => {
    applyConsole(message, peer);
    return handler(message, peer, nested);
  }]));
}

function main() {
  blockingOutput();
  const job = JSON.parse(fs.readFileSync(0, 'utf8'));
  writeFiles(job.files);
  const peer = new Peer(readFd, writeFd, {
    parity: 1,
    handlers: withConsole(Object.assign(objectHandlers(), { load: loadModule, await: awaitPromise })),
  });
  peer.describeLocation = learnerLocation;
  // An error thrown later by a timer of the learner's code: show it; the tests judge the results.
  process.on('uncaughtException', (error) => { process.stderr.write(`${error && error.stack}\n`); });
  process.on('unhandledRejection', (error) => { process.stderr.write(`${error && error.stack}\n`); });
  serve(peer);
}

main();
