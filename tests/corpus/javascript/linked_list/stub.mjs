export class LinkedList {
  push() {
    throw new Error('Remove this line and implement the function');
  }

  pop() {
    throw new Error('Remove this line and implement the function');
  }

  shift() {
    throw new Error('Remove this line and implement the function');
  }

  unshift() {
    throw new Error('Remove this line and implement the function');
  }

  delete() {
    throw new Error('Remove this line and implement the function');
  }

  count() {
    throw new Error('Remove this line and implement the function');
  }
}

export function range() {
  throw new Error('Remove this line and implement the function');
}
