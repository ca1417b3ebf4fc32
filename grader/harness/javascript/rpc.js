'use strict';
// A synchronous RPC channel between the test process (T) and the learner process (L), over two
// pipes. Both sides load this file; only T's copy is trusted. T treats every byte from L as
// hostile data: it decodes it into fresh values of its own (plain data, or handles that forward
// to L), never into objects whose behaviour L chooses. L's copy may be tampered with by the
// learner's code; that can only make L's answers wrong, which the tests then report.
//
// Turns strictly alternate: a side that sends a request blocks in readSync until the matching
// reply, serving the other side's nested requests (callbacks) meanwhile.

const fs = require('fs');
const util = require('util');
const { makeHandle, CallResult, isPlainObject, BUILTIN_ERRORS } = require('./objects.js');
const { SharedTable, isShared } = require('./shared.js');

const MAX_MESSAGE = 16 * 1024 * 1024;
const MAX_DEPTH = 200;

class ChannelClosed extends Error {}
class ProtocolError extends Error {}
// What a handler returns for an operation that must wait for the event loop (see agent.js).
class AsyncResult {
  constructor(promise) {
    this.promise = promise;
  }
}

function isClass(fn) {
  try {
    return /^class[\s{]/.test(Function.prototype.toString.call(fn));
  } catch (e) {
    return false;
  }
}

// The builtin error a class derives from ('Error' for `class ValueError extends Error`), or null:
// the other side's stand-in for the class then has that builtin as its prototype, as here, so
// that assert.throws(fn, ValueError) treats it as an error class, not a validation function.
function errorBase(fn) {
  try {
    for (let c = Object.getPrototypeOf(fn), n = 0; typeof c === 'function' && n < 20; c = Object.getPrototypeOf(c), n += 1) {
      if (Object.prototype.hasOwnProperty.call(BUILTIN_ERRORS, c.name) && BUILTIN_ERRORS[c.name] === c) return c.name;
    }
  } catch (e) { /* a hostile prototype chain: not an error class */ }
  return null;
}

class Peer {
  // handlers: op name -> function(message, peer) returning a value (or a Promise, which only the
  // top-level serve loop may wait for; see agent.js).
  // parity: 0 in T, 1 in L (numbers of shared arrays and objects, see shared.js).
  constructor(inFd, outFd, { trusted, handlers = {}, parity = 0 }) {
    this.inFd = inFd;
    this.outFd = outFd;
    this.trusted = trusted; // true in L: what T sends may be trusted more loosely
    this.handlers = handlers;
    this.exported = new Map(); // id -> our object handed to the other side
    this.exportedIds = new Map();
    this.handles = new Map(); // id -> proxy standing for the other side's object
    this.handleIds = new WeakMap();
    this.errorClassSets = new WeakMap(); // error decoded from the other side -> its class handles
    this.shared = new SharedTable(parity);
    this.nextId = 1;
    this.nextRequest = 1;
    this.dead = null; // why the channel cannot be used any more
    this.onDeath = null;
  }

  // ---- framing ----
  send(message) {
    // What this side did to the arrays and objects it shares goes with every message.
    const trees = [];
    for (const object of this.shared.changed()) {
      if (this.shared.pending.has(object)) continue;
      try {
        trees.push(this.encode(object));
      } catch (e) { // cannot be sent (too deep, a throwing getter): stop sharing it
        this.shared.drop(object);
      }
    }
    message.sync = { d: this.shared.dropped, c: trees };
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    const frame = Buffer.alloc(4 + body.length);
    frame.writeUInt32BE(body.length, 0);
    body.copy(frame, 4);
    let offset = 0;
    while (offset < frame.length) {
      try {
        offset += fs.writeSync(this.outFd, frame, offset, frame.length - offset);
      } catch (e) {
        if (e.code === 'EAGAIN') continue;
        throw this.kill(new ChannelClosed('the other process closed the channel'));
      }
    }
    this.shared.commit();
  }

  readExactly(length) {
    const buffer = Buffer.alloc(length);
    let offset = 0;
    while (offset < length) {
      let n;
      try {
        n = fs.readSync(this.inFd, buffer, offset, length - offset, null);
      } catch (e) {
        if (e.code === 'EAGAIN') continue;
        throw this.kill(new ChannelClosed('the other process closed the channel'));
      }
      if (n === 0) throw this.kill(new ChannelClosed('the other process ended'));
      offset += n;
    }
    return buffer;
  }

  receive() {
    if (this.dead) throw this.dead;
    const length = this.readExactly(4).readUInt32BE(0);
    if (length > MAX_MESSAGE) throw this.kill(new ProtocolError(`message too large (${length} bytes)`));
    let message;
    try {
      message = JSON.parse(this.readExactly(length).toString('utf8'));
    } catch (e) {
      throw this.kill(new ProtocolError('unreadable message'));
    }
    if (message === null || typeof message !== 'object' || Array.isArray(message) ||
        typeof message.t !== 'string' || !Number.isSafeInteger(message.id)) {
      throw this.kill(new ProtocolError('malformed message'));
    }
    this.applySync(message.sync);
    return message;
  }

  // The other side's changes to shared arrays and objects, written into ours in place.
  applySync(sync) {
    if (sync === undefined) return;
    if (sync === null || typeof sync !== 'object' || !Array.isArray(sync.d) || !Array.isArray(sync.c)) {
      throw this.kill(new ProtocolError('malformed message'));
    }
    for (const number of sync.d) this.shared.forget(number);
    for (const tree of sync.c) this.decode(tree);
  }

  kill(error) {
    if (!this.dead) {
      this.dead = error;
      if (this.onDeath) this.onDeath(error);
    }
    return this.dead;
  }

  // ---- requests ----
  request(message) {
    return this.decode(this.requestRaw(message).v);
  }

  // The reply message itself (its value still encoded), or throw what the other side threw.
  requestRaw(message) {
    if (this.dead) throw this.dead;
    const id = this.nextRequest++;
    this.send(Object.assign({ id }, message, this.requestExtras ? this.requestExtras() : {}));
    for (;;) {
      const incoming = this.receive();
      if (incoming.t === 'reply') {
        if (incoming.id !== id) throw this.kill(new ProtocolError('reply out of turn'));
        if (incoming.ok === true) return incoming;
        throw this.decodeError(incoming.e);
      }
      this.serveOne(incoming, true);
    }
  }

  // Answer one request. Nested requests (we are waiting for our own reply) must answer at once.
  serveOne(message, nested) {
    let result;
    try {
      const handler = this.handlers[message.t];
      if (!handler) throw new ProtocolError(`unknown request ${JSON.stringify(message.t)}`);
      result = handler(message, this, nested);
    } catch (e) {
      if (e instanceof ChannelClosed) throw e;
      this.replyError(message.id, e);
      return undefined;
    }
    if (result instanceof AsyncResult) {
      if (!nested) {
        return result.promise.then((v) => this.reply(message.id, v), (e) => this.replyError(message.id, e));
      }
      this.replyError(message.id, new Error('cannot wait for a Promise here'));
      return undefined;
    }
    this.reply(message.id, result);
    return undefined;
  }

  reply(id, value) {
    const message = { t: 'reply', id, ok: true };
    try {
      if (value instanceof CallResult) {
        message.v = this.encode(value.result); // the arguments' new state goes with the sync
      } else {
        message.v = this.encode(value);
      }
    } catch (e) {
      return this.replyError(id, e);
    }
    this.send(message);
    return undefined;
  }

  replyError(id, error) {
    this.send({ t: 'reply', id, ok: false, e: this.encodeError(error) });
  }

  // Call (or construct, when self is NEW) one of the other side's functions. Arrays and plain
  // objects are shared (shared.js): a learner function that sorts or fills the array it was given
  // changes the test's array, as it would in one process. The argument list itself is not shared.
  call(fnId, self, args, op = 'call') {
    const message = { t: op, f: fnId, args: { $: 'a', v: Array.from(args, (arg) => this.encode(arg)) } };
    if (op === 'call') message.self = this.encode(self);
    return this.decode(this.requestRaw(message).v);
  }

  // ---- values: encoding (ours -> wire) ----
  exportObject(value) {
    let id = this.exportedIds.get(value);
    if (id === undefined) {
      id = this.nextId++;
      this.exported.set(id, value);
      this.exportedIds.set(value, id);
    }
    return id;
  }

  encode(value) {
    const mark = this.shared.mark();
    try {
      return this.encodeValue(value, new Map(), 0);
    } catch (e) { // nothing of this value is sent: the other side will not hold it
      this.shared.rollback(mark);
      throw e;
    }
  }

  encodeValue(value, seen, depth) {
    if (depth > MAX_DEPTH) throw new RangeError('value nested too deeply to be sent');
    switch (typeof value) {
      case 'undefined': return { $: 'u' };
      case 'boolean': case 'string': return value;
      case 'number':
        return Number.isFinite(value) && !Object.is(value, -0) ? value : { $: 'n', v: String(Object.is(value, -0) ? '-0' : value) };
      case 'bigint': return { $: 'big', v: value.toString() };
      case 'symbol': return { $: 'sym', v: value.description || '' };
      case 'function':
        if (this.handleIds.has(value)) return { $: 'yours', id: this.handleIds.get(value) };
        return { $: 'fn', id: this.exportObject(value), name: String(value.name || ''), cls: isClass(value),
          eb: errorBase(value) };
      default: break;
    }
    if (value === null) return null;
    if (this.handleIds.has(value)) return { $: 'yours', id: this.handleIds.get(value) };
    if (seen.has(value)) return { $: 'back', i: seen.get(value) };
    if (util.types.isPromise(value)) return { $: 'p', id: this.exportObject(value) };
    const index = seen.size;
    const enc = (v) => this.encodeValue(v, seen, depth + 1);
    const number = isShared(value, isPlainObject) ? this.shared.numberOf(value) : undefined;
    if (number !== undefined) this.shared.sent(value);
    if (Array.isArray(value) && !util.types.isProxy(value)) {
      seen.set(value, index);
      return Object.assign({ $: 'a', v: Array.from(value, enc) }, Object.isFrozen(value) ? { fz: true } : { n: number });
    }
    if (util.types.isMap(value)) {
      seen.set(value, index);
      return { $: 'map', v: Array.from(value, ([k, v]) => [enc(k), enc(v)]) };
    }
    if (util.types.isSet(value)) {
      seen.set(value, index);
      return { $: 'set', v: Array.from(value, enc) };
    }
    if (util.types.isDate(value)) return { $: 'date', v: enc(value.getTime()) };
    if (util.types.isRegExp(value)) return { $: 're', s: value.source, f: value.flags };
    if (util.types.isNativeError(value) || value instanceof Error) return this.encodeError(value);
    if (!util.types.isProxy(value) && isPlainObject(value)) {
      seen.set(value, index);
      const pairs = [];
      for (const key of Object.keys(value)) pairs.push([key, enc(value[key])]);
      return Object.assign({ $: 'o', np: Object.getPrototypeOf(value) === null, v: pairs },
        Object.isFrozen(value) ? { fz: true } : { n: number });
    }
    const ctor = value.constructor;
    return { $: 'ref', id: this.exportObject(value), cls: typeof ctor === 'function' ? String(ctor.name || '') : '' };
  }

  encodeError(error, depth = 0) {
    if (error instanceof Error || util.types.isNativeError(error)) {
      let name = 'Error';
      let message = '';
      let stack = '';
      try {
        name = String(error.name);
        message = String(error.message);
        stack = String(error.stack || '');
      } catch (e) { /* a hostile getter: keep the defaults */ }
      const { base, classes } = this.errorClasses(error);
      const wire = { $: 'err', name, message, stack, base, classes, where: this.describeLocation(error, stack) };
      // new Error(msg, { cause }): the test may check the cause (a few levels, never a loop)
      try {
        if (depth < 3 && Object.prototype.hasOwnProperty.call(error, 'cause')) {
          const cause = error.cause;
          wire.cause = cause instanceof Error && cause !== error ? this.encodeError(cause, depth + 1) : this.encode(cause);
        }
      } catch (e) { /* a cause that cannot be sent: left out */ }
      return wire;
    }
    return { $: 'thrown', v: this.encode(error) };
  }

  // The builtin error type an error derives from, and its own classes on the way (as handles),
  // so that the other side can rebuild a RangeError and answer `instanceof MonErreur`.
  errorClasses(error) {
    const classes = [];
    let base = 'Error';
    try {
      for (let proto = Object.getPrototypeOf(error), n = 0; proto && n < 20; proto = Object.getPrototypeOf(proto), n += 1) {
        const ctor = Object.prototype.hasOwnProperty.call(proto, 'constructor') ? proto.constructor : null;
        if (typeof ctor !== 'function') continue;
        if (BUILTIN_ERRORS[ctor.name] === ctor) {
          base = ctor.name;
          break;
        }
        classes.push(this.encode(ctor));
      }
    } catch (e) { /* a hostile prototype chain: a plain Error */ }
    return { base, classes };
  }

  describeLocation() {
    return '';
  }

  // ---- values: decoding (wire -> ours) ----
  decode(wire, seen = [], depth = 0) {
    if (depth > MAX_DEPTH) throw this.kill(new ProtocolError('value nested too deeply'));
    if (wire === null || typeof wire === 'boolean' || typeof wire === 'string') return wire;
    if (typeof wire === 'number') return wire;
    if (typeof wire !== 'object' || Array.isArray(wire) || typeof wire.$ !== 'string') {
      throw this.kill(new ProtocolError('malformed value'));
    }
    const dec = (v) => this.decode(v, seen, depth + 1);
    const str = (v) => {
      if (typeof v !== 'string') throw this.kill(new ProtocolError('malformed value'));
      return v;
    };
    const list = (v) => {
      if (!Array.isArray(v)) throw this.kill(new ProtocolError('malformed value'));
      return v;
    };
    switch (wire.$) {
      case 'u': return undefined;
      case 'n': {
        const special = { NaN, Infinity, '-Infinity': -Infinity, '-0': -0 };
        if (!Object.prototype.hasOwnProperty.call(special, wire.v)) throw this.kill(new ProtocolError('bad number'));
        return special[wire.v];
      }
      case 'big':
        if (!/^-?\d{1,10000}$/.test(str(wire.v))) throw this.kill(new ProtocolError('bad bigint'));
        return BigInt(wire.v);
      case 'sym': return Symbol(str(wire.v));
      case 'back': {
        if (!Number.isSafeInteger(wire.i) || wire.i < 0 || wire.i >= seen.length) throw this.kill(new ProtocolError('bad reference'));
        return seen[wire.i];
      }
      case 'a': {
        const known = this.sharedTarget(wire, true);
        const out = known || [];
        if (!known && wire.n !== undefined) this.shared.register(wire.n, out);
        seen.push(out);
        const items = list(wire.v).map(dec);
        if (known) {
          try {
            out.length = items.length;
            items.forEach((item, i) => { out[i] = item; });
          } catch (e) { /* frozen or sealed here: keeps its contents */ }
        } else {
          for (const item of items) out.push(item);
        }
        if (wire.n !== undefined) this.shared.received(wire.n);
        return wire.fz === true ? Object.freeze(out) : out;
      }
      case 'o': {
        const known = this.sharedTarget(wire, false);
        const out = known || (wire.np === true ? Object.create(null) : {});
        if (!known && wire.n !== undefined) this.shared.register(wire.n, out);
        seen.push(out);
        const pairs = list(wire.v).map((pair) => {
          if (!Array.isArray(pair) || pair.length !== 2) throw this.kill(new ProtocolError('malformed object'));
          return [str(pair[0]), dec(pair[1])];
        });
        try {
          if (known) for (const key of Object.keys(out)) delete out[key];
          for (const [key, value] of pairs) {
            Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
          }
        } catch (e) { /* frozen or sealed here: keeps its contents */ }
        if (wire.n !== undefined) this.shared.received(wire.n);
        return wire.fz === true ? Object.freeze(out) : out;
      }
      case 'map': {
        const out = new Map();
        seen.push(out);
        for (const pair of list(wire.v)) {
          if (!Array.isArray(pair) || pair.length !== 2) throw this.kill(new ProtocolError('malformed map'));
          out.set(dec(pair[0]), dec(pair[1]));
        }
        return out;
      }
      case 'set': {
        const out = new Set();
        seen.push(out);
        for (const item of list(wire.v)) out.add(dec(item));
        return out;
      }
      case 'date': {
        const time = dec(wire.v);
        if (typeof time !== 'number') throw this.kill(new ProtocolError('bad date'));
        return new Date(time);
      }
      case 're':
        try {
          return new RegExp(str(wire.s), str(wire.f));
        } catch (e) {
          throw this.kill(new ProtocolError('bad regular expression'));
        }
      case 'err': return this.decodeError(wire, depth);
      case 'thrown': return dec(wire.v);
      case 'yours': {
        if (!this.exported.has(wire.id)) throw this.kill(new ProtocolError('unknown object'));
        return this.exported.get(wire.id);
      }
      case 'fn': case 'ref': case 'p': {
        if (!Number.isSafeInteger(wire.id) || wire.id <= 0) throw this.kill(new ProtocolError('bad handle'));
        if (!this.handles.has(wire.id)) {
          const handle = this.makeHandle(wire, str);
          this.handles.set(wire.id, handle);
          if (wire.$ !== 'p') this.handleIds.set(handle, wire.id);
        }
        return this.handles.get(wire.id);
      }
      default:
        throw this.kill(new ProtocolError(`unknown value type ${JSON.stringify(wire.$)}`));
    }
  }

  // The array / object of ours a shared value stands for, or null (then registered once built).
  sharedTarget(wire, array) {
    if (wire.n === undefined) return null;
    if (!Number.isSafeInteger(wire.n)) throw this.kill(new ProtocolError('bad reference'));
    const known = this.shared.get(wire.n);
    if (known === undefined) {
      if (!this.shared.mayCreate(wire.n)) throw this.kill(new ProtocolError('bad reference'));
      return null;
    }
    if (Array.isArray(known) !== array) throw this.kill(new ProtocolError('shared value changed kind'));
    return known;
  }

  decodeError(wire, depth = 0) {
    if (wire && wire.$ === 'thrown') return this.decode(wire.v);
    if (!wire || wire.$ !== 'err') return this.kill(new ProtocolError('malformed error'));
    const name = typeof wire.name === 'string' ? wire.name : 'Error';
    const message = typeof wire.message === 'string' ? wire.message : '';
    const builtin = (n) => (typeof n === 'string' && Object.prototype.hasOwnProperty.call(BUILTIN_ERRORS, n) ? BUILTIN_ERRORS[n] : null);
    const Ctor = builtin(wire.base) || builtin(name) || Error;
    const error = new Ctor(message);
    if (Ctor.name !== name) {
      Object.defineProperty(error, 'name', { value: name, writable: true, configurable: true });
    }
    if (Array.isArray(wire.classes) && wire.classes.length <= 20) {
      const classes = new Set();
      for (const item of wire.classes) {
        const handle = item && item.$ === 'fn' ? this.decode(item) : null;
        if (typeof handle === 'function') classes.add(handle);
      }
      this.errorClassSets.set(error, classes);
    }
    error.stack = `${name}: ${message}`;
    if (Object.prototype.hasOwnProperty.call(wire, 'cause') && depth < 5) {
      Object.defineProperty(error, 'cause', { value: this.decode(wire.cause, [], depth + 1), writable: true, configurable: true });
    }
    this.markRemoteError(error, typeof wire.where === 'string' ? wire.where : '');
    return error;
  }

  markRemoteError() {}

  makeHandle(wire, str) {
    return makeHandle(this, wire, str);
  }
}

module.exports = { Peer, AsyncResult, ChannelClosed, ProtocolError };
