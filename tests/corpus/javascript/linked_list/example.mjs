class Node {
  constructor(value, prev = null, next = null) {
    this.value = value;
    this.prev = prev;
    this.next = next;
  }
}

export class LinkedList {
  #head = null;
  #tail = null;
  #size = 0;

  push(value) {
    const node = new Node(value, this.#tail);
    if (this.#tail) this.#tail.next = node; else this.#head = node;
    this.#tail = node;
    this.#size += 1;
  }

  unshift(value) {
    const node = new Node(value, null, this.#head);
    if (this.#head) this.#head.prev = node; else this.#tail = node;
    this.#head = node;
    this.#size += 1;
  }

  #unlink(node) {
    if (!node) throw new RangeError('List is empty');
    if (node.prev) node.prev.next = node.next; else this.#head = node.next;
    if (node.next) node.next.prev = node.prev; else this.#tail = node.prev;
    this.#size -= 1;
    return node.value;
  }

  pop() {
    return this.#unlink(this.#tail);
  }

  shift() {
    return this.#unlink(this.#head);
  }

  delete(value) {
    for (let node = this.#head; node; node = node.next) {
      if (node.value === value) {
        this.#unlink(node);
        return;
      }
    }
  }

  count() {
    return this.#size;
  }

  toArray() {
    return [...this];
  }

  *[Symbol.iterator]() {
    for (let node = this.#head; node; node = node.next) yield node.value;
  }
}

export function* range(start, stop, step = 1) {
  for (let n = start; step > 0 ? n < stop : n > stop; n += step) yield n;
}
