'use strict';
// Arrays and plain objects shared by the two processes, so that aliasing behaves as in one
// process: an array the test passes and the learner keeps *is* the test's array (popping from it
// empties the test's), and a method that returns an internal array returns the same array each
// time, so that changing it shows. Loaded by both processes, like rpc.js.
//
// Each side keeps every array / plain object that crossed under one number (T even, L odd) and
// sends, with every message, the new contents of those that changed since the other side last saw
// them; the receiver writes them into its own object in place. Change detection compares the
// direct items by identity (Object.is) with a shallow snapshot: nested ones have their own number,
// and nothing but reading own properties runs. Entries are weak: an object this side no longer
// holds is forgotten (and the other side told to forget it too).

const util = require('util');

function isShared(value, isPlainObject) {
  return value !== null && typeof value === 'object' && !util.types.isProxy(value) &&
    !Object.isFrozen(value) && !util.types.isModuleNamespaceObject(value) &&
    (Array.isArray(value) || isPlainObject(value));
}

function snapshot(object) {
  if (Array.isArray(object)) return Array.from(object);
  const out = [];
  for (const key of Object.keys(object)) out.push(key, object[key]);
  return out;
}

function same(object, old) {
  const now = snapshot(object);
  if (now.length !== old.length) return false;
  for (let i = 0; i < now.length; i += 1) if (!Object.is(now[i], old[i])) return false;
  return true;
}

class SharedTable {
  constructor(parity) {
    this.parity = parity;
    this.next = parity;
    this.entries = new Map(); // number -> { ref: WeakRef, snap: contents the other side holds }
    this.numbers = new WeakMap();
    this.pending = new Map(); // object -> contents, sent in the message being built
    this.dropped = [];
  }

  numberOf(object) {
    let number = this.numbers.get(object);
    if (number === undefined) {
      number = this.next;
      this.next += 2;
      this.register(number, object);
    }
    return number;
  }

  register(number, object) {
    this.entries.set(number, { ref: new WeakRef(object), snap: null });
    this.numbers.set(object, number);
  }

  get(number) {
    const entry = this.entries.get(number);
    return entry ? entry.ref.deref() : undefined;
  }

  // A number the other side sends that we do not hold: one of its own, or one of ours we forgot.
  mayCreate(number) {
    return Number.isSafeInteger(number) && number >= 0 &&
      (number % 2 !== this.parity || number < this.next);
  }

  sent(object) {
    this.pending.set(object, snapshot(object));
  }

  received(number) {
    const entry = this.entries.get(number);
    const object = entry && entry.ref.deref();
    if (object === undefined) return;
    try {
      entry.snap = snapshot(object);
    } catch (e) { // a throwing getter: stop sharing it
      this.drop(object);
    }
  }

  // Stop sharing *object*, and tell the other side.
  drop(object) {
    const number = this.numbers.get(object);
    if (number === undefined) return;
    this.forget(number);
    this.dropped.push(number);
  }

  mark() {
    return new Set(this.pending.keys());
  }

  rollback(mark) {
    for (const key of [...this.pending.keys()]) if (!mark.has(key)) this.pending.delete(key);
  }

  // Objects changed since the other side last saw them (not those already in this message).
  changed() {
    const out = [];
    for (const [number, entry] of this.entries) {
      const object = entry.ref.deref();
      if (object === undefined) {
        this.entries.delete(number);
        this.dropped.push(number);
      } else if (!this.pending.has(object)) {
        let unchanged = false;
        try {
          unchanged = entry.snap !== null && same(object, entry.snap);
        } catch (e) { /* a throwing getter: send it, which fails and stops sharing it */ }
        if (!unchanged) out.push(object);
      }
    }
    return out;
  }

  // The message went out: the other side holds what it carried.
  commit() {
    for (const [object, snap] of this.pending) {
      const entry = this.entries.get(this.numbers.get(object));
      if (entry) entry.snap = snap;
    }
    this.pending.clear();
    this.dropped = [];
  }

  forget(number) {
    const entry = this.entries.get(number);
    if (!entry) return;
    const object = entry.ref.deref();
    if (object !== undefined) this.numbers.delete(object);
    this.entries.delete(number);
  }
}

module.exports = { SharedTable, isShared };
