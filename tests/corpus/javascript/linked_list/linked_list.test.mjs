import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LinkedList, range } from './linked_list.mjs';

describe('LinkedList', () => {
  test('pop gets element from the list', () => {
    const list = new LinkedList();
    list.push(7);
    assert.equal(list.pop(), 7);
  });

  test('push/pop respectively add/remove at the end of the list', () => {
    const list = new LinkedList();
    list.push(11);
    list.push(13);
    assert.equal(list.pop(), 13);
    assert.equal(list.pop(), 11);
  });

  test('shift/unshift work at the start', () => {
    const list = new LinkedList();
    list.unshift(23);
    list.unshift(5);
    assert.equal(list.shift(), 5);
    assert.equal(list.shift(), 23);
  });

  test('count', () => {
    const list = new LinkedList();
    list.push(37);
    list.push(1);
    assert.equal(list.count(), 2);
  });

  test('delete removes the first occurrence only', () => {
    const list = new LinkedList();
    [73, 9, 9, 107].forEach((v) => list.push(v));
    list.delete(9);
    assert.deepStrictEqual([...list], [73, 9, 107]);
  });

  test('spreads in order', () => {
    const list = new LinkedList();
    [1, 2, 3].forEach((v) => list.push(v));
    assert.deepStrictEqual([...list], [1, 2, 3]);
  });

  test('for...of loop', () => {
    const list = new LinkedList();
    ['a', 'b'].forEach((v) => list.push(v));
    const seen = [];
    for (const value of list) seen.push(value.toUpperCase());
    assert.deepStrictEqual(seen, ['A', 'B']);
  });

  test('Array.from with a mapping function', () => {
    const list = new LinkedList();
    [1, 2].forEach((v) => list.push(v));
    assert.deepStrictEqual(Array.from(list, (v) => v * 10), [10, 20]);
  });

  test('pop of an empty list throws', () => {
    assert.throws(() => new LinkedList().pop(), { name: 'RangeError', message: 'List is empty' });
  });

  test('toArray returns a copy', () => {
    const list = new LinkedList();
    list.push(1);
    const items = list.toArray();
    items.push(2);
    assert.equal(list.count(), 1);
  });
});

describe('range generator', () => {
  test('yields the numbers', () => {
    assert.deepStrictEqual([...range(0, 5)], [0, 1, 2, 3, 4]);
  });

  test('with a step', () => {
    assert.deepStrictEqual([...range(10, 0, -3)], [10, 7, 4, 1]);
  });

  test('next() by hand', () => {
    const numbers = range(1, 3);
    assert.deepStrictEqual(numbers.next(), { value: 1, done: false });
    assert.deepStrictEqual(numbers.next(), { value: 2, done: false });
    assert.deepStrictEqual(numbers.next(), { value: undefined, done: true });
  });

  test('is lazy', () => {
    const numbers = range(0, Infinity);
    assert.equal(numbers.next().value, 0);
  });
});
