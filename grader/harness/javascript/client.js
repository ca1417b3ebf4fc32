'use strict';
// The test process's (T's) side of the channel to the learner process (L): the learner's modules
// as seen by the tests, the state of L, and the result lines for the grader.
//
// The tests `require('./somme.js')` or `import { somme } from './somme.mjs'` as usual: in T's
// directory those files are stubs (written by tester.js) that call loadModule() here. What L
// sends back is decoded into plain data or handles (rpc.js), so the learner's code never runs in
// this process and cannot touch node:test, node:assert or the results.

const fs = require('fs');
const { Peer, ChannelClosed, ProtocolError } = require('./rpc.js');
const { objectHandlers } = require('./objects.js');

const state = {
  peer: null,
  nonce: '',
  gone: null, // why L can no longer answer (set once, never cleared)
  modules: new Map(), // learner file name -> { value } | { error }
};
const remoteErrors = new WeakMap(); // error decoded from L -> "somme.js, line 3"
const loadErrors = new WeakSet();

function emit(record) {
  fs.writeSync(1, `\n${state.nonce} ${JSON.stringify(record)}\n`);
}

// console is one object in a plain run: a test that replaces console.log (t.mock.method) sees
// the learner's calls. With every request, L learns which console methods the tests replaced and
// gets them as functions of ours to call instead of its own (when that changes).
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'];
const ownConsole = Object.fromEntries(CONSOLE_METHODS.map((name) => [name, console[name]]));
let consoleSent = '';

function consoleState(peer) {
  const replaced = CONSOLE_METHODS.filter((name) => console[name] !== ownConsole[name]);
  const key = replaced.map((name) => `${name}:${peer.exportObject(console[name])}`).join(',');
  if (key === consoleSent) return {};
  consoleSent = key;
  // Each function on its own (a plain object would become a container shared with L).
  return { console: replaced.map((name) => [name, peer.encode(console[name])]) };
}

function connect(readFd, writeFd, nonce) {
  state.nonce = nonce;
  const peer = new Peer(readFd, writeFd, { handlers: objectHandlers({ guarded: true }) });
  peer.requestExtras = () => consoleState(peer);
  peer.markRemoteError = (error, where) => remoteErrors.set(error, where);
  peer.onDeath = (error) => {
    if (state.gone) return;
    state.gone = error;
    emit({ k: 'gone', why: error instanceof ProtocolError ? 'protocol' : 'closed' });
  };
  state.peer = peer;
  return peer;
}

function isLearnerFault(error) {
  return error instanceof ChannelClosed || error instanceof ProtocolError ||
    (error !== null && typeof error === 'object' && (remoteErrors.has(error) || loadErrors.has(error)));
}

// A function standing for something the learner's module could not provide: calling it throws.
function thrower(message) {
  const fail = function () {
    const error = new Error(message);
    loadErrors.add(error);
    throw error;
  };
  return fail;
}

// A module that failed to load: every export is a function that throws the load error.
function brokenModule(message) {
  return new Proxy(thrower(message), {
    get: (target, key) => (typeof key === 'symbol' ? target[key] : thrower(message)),
  });
}

function describeLoadError(name, error) {
  if (error instanceof ChannelClosed || error instanceof ProtocolError) {
    return `${name} could not be loaded: the program stopped (${error.message})`;
  }
  const where = remoteErrors.get(error);
  const text = `${error && error.name}: ${error && error.message}`;
  return `${name} could not be loaded: ${text}${where ? ` (${where})` : ''}`;
}

function loadModule(name, esm) {
  if (!state.modules.has(name)) {
    try {
      state.modules.set(name, { value: state.peer.request({ t: 'load', name, esm: Boolean(esm) }) });
    } catch (error) {
      state.modules.set(name, { error: describeLoadError(name, error) });
    }
  }
  const loaded = state.modules.get(name);
  return loaded.error ? brokenModule(loaded.error) : loaded.value;
}

// One export of an ES module stub: a missing export becomes a function that explains.
function pick(moduleValue, name, fileName) {
  if (moduleValue !== null && (typeof moduleValue === 'object' || typeof moduleValue === 'function')) {
    const value = moduleValue[name];
    if (value !== undefined || (typeof moduleValue === 'object' && name in moduleValue)) return value;
  }
  return thrower(`${fileName} does not export ${name === 'default' ? 'a default value' : `'${name}'`}`);
}

function loadErrorMessages() {
  return [...state.modules.values()].filter((m) => m.error).map((m) => m.error);
}

function exportNames(name) {
  const loaded = state.modules.get(name);
  if (!loaded || loaded.error || loaded.value === null || typeof loaded.value !== 'object') return [];
  return Object.keys(loaded.value);
}

module.exports = {
  state, emit, connect, isLearnerFault, loadModule, pick, exportNames, remoteErrors, loadErrorMessages,
  isLoadError: (error) => loadErrors.has(error),
  ChannelClosed, ProtocolError,
};
