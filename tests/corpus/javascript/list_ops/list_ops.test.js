const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const { List } = require('./list_ops.js');

describe('append entries to a list and return the new list', () => {
  test('empty lists', () => {
    assert.deepStrictEqual(new List().append(new List()).values, []);
  });

  test('non-empty lists', () => {
    assert.deepStrictEqual(new List([1, 2]).append(new List([2, 3, 4, 5])).values, [1, 2, 2, 3, 4, 5]);
  });
});

describe('concat lists and lists of lists into new list', () => {
  test('list of lists', () => {
    const lists = new List([new List([3]), new List([]), new List([4, 5, 6])]);
    assert.deepStrictEqual(new List([1, 2]).concat(lists).values, [1, 2, 3, 4, 5, 6]);
  });
});

describe('filter, map, length', () => {
  test('filter non-empty list', () => {
    assert.deepStrictEqual(new List([1, 2, 3, 5]).filter((el) => el % 2 === 1).values, [1, 3, 5]);
  });

  test('map non-empty list', () => {
    assert.deepStrictEqual(new List([1, 3, 5, 7]).map((el) => el + 1).values, [2, 4, 6, 8]);
  });

  test('length', () => {
    assert.equal(new List([1, 2, 3, 4]).length(), 4);
  });

  test('the callback sees each element once, in order', () => {
    const seen = [];
    new List(['a', 'b']).map((el) => seen.push(el));
    assert.deepStrictEqual(seen, ['a', 'b']);
  });
});

describe('folds', () => {
  test('foldl direction dependent function', () => {
    assert.equal(new List([1, 2, 3, 4]).foldl((acc, el) => el / acc, 24), 64);
  });

  test('foldr direction dependent function', () => {
    assert.equal(new List([1, 2, 3, 4]).foldr((acc, el) => el / acc, 24), 9);
  });

  test('foldr add string', () => {
    assert.equal(new List(['e', 'x', 'e', 'r', 'c', 'i', 's', 'e']).foldr((acc, el) => el + acc, '!'),
      'exercise!');
  });

  test('a throwing callback propagates its error', () => {
    assert.throws(() => new List([1]).foldl(() => { throw new TypeError('boom'); }, 0),
      { name: 'TypeError', message: 'boom' });
  });
});

describe('reverse', () => {
  test('non-empty list', () => {
    assert.deepStrictEqual(new List([1, 3, 5, 7]).reverse().values, [7, 5, 3, 1]);
  });

  test('list of lists is not flattened', () => {
    assert.deepStrictEqual(new List([[1, 2], [3], [], [4, 5, 6]]).reverse().values,
      [[4, 5, 6], [], [3], [1, 2]]);
  });

  test('does not change the original', () => {
    const list = new List([1, 2]);
    list.reverse();
    assert.deepStrictEqual(list.values, [1, 2]);
  });
});
