'use strict';
// Objects that cross the channel by reference: handles standing for the other side's objects,
// and the operations a side answers on its own exported objects.
// Loaded by both processes, like rpc.js; only the test process's copy is trusted.

const util = require('util');

const BUILTIN_ERRORS = { Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError,
  URIError };

function isPlainObject(v) {
  const proto = Object.getPrototypeOf(v);
  if (util.types.isModuleNamespaceObject(v)) return true;
  return (proto === Object.prototype || proto === null) &&
    !Object.prototype.hasOwnProperty.call(v, 'constructor');
}

// A stand-in for one of the other side's objects. Every operation asks the other side.
function makeHandle(peer, wire, str) {
  const id = wire.id;
  if (wire.$ === 'p') return makePromise(peer, id);
  const remote = (op, extra) => peer.request(Object.assign({ t: op, o: id }, extra));
  const key = (k) => (typeof k === 'symbol' ? null : String(k));
  let target;
  if (wire.$ === 'fn') {
    const name = str(wire.name);
    // A plain function even for a class: its `prototype` must stay writable, because reads
    // of handle.prototype answer with the learner's prototype (for instanceof).
    target = function () {};
    Object.defineProperty(target, 'name', { value: name });
  } else {
    // Named after the learner's class, so that messages read "Compte {}".
    const cls = str(wire.cls) || 'Object';
    target = Object.create(({ [cls]: class {} })[cls].prototype);
  }
  const traps = {
    apply: (t, self, args) => peer.call(id, self, args),
    construct: (t, args) => peer.call(id, undefined, args, 'new'),
    get(t, k) {
      if (k === Symbol.hasInstance && wire.$ === 'fn') return hasInstance;
      if (k === Symbol.iterator && wire.$ === 'ref') return remote('iterable') === true ? iterate : undefined;
      if (typeof k === 'symbol') return t[k];
      return remote('get', { k: key(k) });
    },
    set(t, k, v) {
      if (typeof k === 'symbol') return false;
      remote('set', { k: key(k), v: peer.encode(v) });
      return true;
    },
    has: (t, k) => (typeof k === 'symbol' ? false : remote('has', { k: key(k) })),
    deleteProperty: (t, k) => (typeof k === 'symbol' ? false : remote('delete', { k: key(k) })),
  };
  if (wire.$ === 'fn' && typeof wire.eb === 'string' && Object.prototype.hasOwnProperty.call(BUILTIN_ERRORS, wire.eb)) {
    // a learner error class: derives from our builtin of that name (Error.isPrototypeOf holds)
    traps.getPrototypeOf = () => BUILTIN_ERRORS[wire.eb];
  }
  if (wire.$ === 'ref') {
    traps.getPrototypeOf = () => {
      const proto = remote('proto');
      if (proto && typeof proto === 'object' && proto.$objectPrototype === true) return Object.prototype;
      return proto !== null && (typeof proto === 'object' || typeof proto === 'function') ? proto : null;
    };
    traps.ownKeys = () => {
      const keys = remote('keys');
      if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) {
        throw new TypeError('the object gave an invalid list of keys');
      }
      return [...new Set(keys)];
    };
    traps.getOwnPropertyDescriptor = (t, k) => {
      if (typeof k === 'symbol') return undefined;
      const found = remote('own', { k: key(k) });
      if (!found) return undefined;
      return { value: remote('get', { k: key(k) }), writable: true, enumerable: true, configurable: true };
    };
  }
  // [...obj], for...of, Array.from(obj): the learner's own iterator, stepped through in L
  // (a handle whose next() is a request), so an infinite generator stays lazy.
  const iterate = () => remote('iter');
  const handle = new Proxy(target, traps);
  // `error instanceof MonErreur`: a rebuilt error knows its classes; anything else, as usual.
  const hasInstance = (value) => {
    const classes = value !== null && typeof value === 'object' ? peer.errorClassSets.get(value) : undefined;
    return classes ? classes.has(handle) : Function.prototype[Symbol.hasInstance].call(handle, value);
  };
  return handle;
}

function makePromise(peer, id) {
  // Settled when our event loop is free: then we block until the other side's event loop has
  // run the Promise to completion (see agent.js).
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      try {
        resolve(peer.request({ t: 'await', p: id }));
      } catch (e) {
        reject(e);
      }
    });
  });
}

// What a call handler returns: the result, and the arguments whose final state goes back.
class CallResult {
  constructor(result, args) {
    this.result = result;
    this.args = args;
  }
}

const FORBIDDEN_KEYS = new Set(['constructor', '__proto__', 'prototype', 'caller', 'callee', 'arguments']);

// Handlers for the operations on our exported objects. With *guarded* (the test process), the
// other side may only call the functions it was given and reach their own, ordinary properties:
// never a prototype, a constructor (Function would run any code here) or an inherited method.
function objectHandlers({ guarded = false } = {}) {
  const target = (peer, m) => {
    if (!peer.exported.has(m.o)) throw new ReferenceError('unknown object');
    return peer.exported.get(m.o);
  };
  const fn = (peer, id) => {
    const f = peer.exported.get(id);
    if (typeof f !== 'function') throw new TypeError('not a function');
    return f;
  };
  const allowed = (object, key) => !guarded ||
    (!FORBIDDEN_KEYS.has(key) && Object.prototype.hasOwnProperty.call(object, key));
  const call = (m, peer) => {
    const args = peer.decode(m.args);
    if (!Array.isArray(args)) throw new TypeError('bad arguments');
    const result = m.t === 'new' ? Reflect.construct(fn(peer, m.f), args)
      : Reflect.apply(fn(peer, m.f), peer.decode(m.self), args);
    return new CallResult(result, args);
  };
  return {
    call,
    new: call,
    get: (m, peer) => {
      const object = target(peer, m);
      return allowed(object, String(m.k)) ? object[String(m.k)] : undefined;
    },
    set: (m, peer) => {
      const object = target(peer, m);
      if (guarded && FORBIDDEN_KEYS.has(String(m.k))) throw new TypeError('property not writable');
      object[String(m.k)] = peer.decode(m.v);
    },
    has: (m, peer) => (guarded ? allowed(target(peer, m), String(m.k)) : String(m.k) in target(peer, m)),
    delete: (m, peer) => {
      const object = target(peer, m);
      return allowed(object, String(m.k)) ? delete object[String(m.k)] : false;
    },
    keys: (m, peer) => Object.keys(target(peer, m)),
    // Iterating an object runs its own code: only the learner's objects, never the tests'.
    iterable: (m, peer) => !guarded && typeof target(peer, m)[Symbol.iterator] === 'function',
    iter: (m, peer) => {
      if (guarded) throw new TypeError('object is not iterable');
      const iterator = target(peer, m)[Symbol.iterator]();
      if (iterator === null || typeof iterator !== 'object') throw new TypeError('Result of the Symbol.iterator method is not an object');
      return iterator;
    },
    own: (m, peer) => Object.prototype.propertyIsEnumerable.call(target(peer, m), String(m.k)),
    proto: (m, peer) => {
      if (guarded) return null;
      const proto = Object.getPrototypeOf(target(peer, m));
      return proto === Object.prototype ? { $objectPrototype: true } : proto;
    },
  };
}

module.exports = { makeHandle, CallResult, isPlainObject, objectHandlers, BUILTIN_ERRORS };
