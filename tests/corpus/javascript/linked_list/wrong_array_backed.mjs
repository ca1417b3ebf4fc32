// an array inside: pop of an empty list returns undefined, delete removes every match,
// toArray hands out the internal array, range builds an array (not lazy)
export class LinkedList {
  constructor() {
    this.items = [];
  }

  push(value) { this.items.push(value); }

  pop() { return this.items.pop(); }

  shift() { return this.items.shift(); }

  unshift(value) { this.items.unshift(value); }

  delete(value) { this.items = this.items.filter((v) => v !== value); }

  count() { return this.items.length; }

  toArray() { return this.items; }

  [Symbol.iterator]() { return this.items[Symbol.iterator](); }
}

export function range(start, stop, step = 1) {
  const result = [];
  for (let n = start; step > 0 ? n < stop : n > stop; n += step) {
    result.push(n);
    if (result.length > 1000) break;
  }
  return result[Symbol.iterator]();
}
