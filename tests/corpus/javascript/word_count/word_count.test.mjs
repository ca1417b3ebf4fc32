import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { countWords, topWords } from './word_count.mjs';

describe('countWords', () => {
  test('one word', () => {
    assert.deepStrictEqual(countWords('word'), { word: 1 });
  });

  test('one of each word', () => {
    assert.deepStrictEqual(countWords('one of each'), { one: 1, of: 1, each: 1 });
  });

  test('multiple occurrences of a word', () => {
    assert.deepStrictEqual(countWords('one fish two fish red fish blue fish'),
      { one: 1, fish: 4, two: 1, red: 1, blue: 1 });
  });

  test('normalizes case and punctuation', () => {
    assert.deepStrictEqual(countWords('Go, go GO! Stop: stop.'), { go: 3, stop: 2 });
  });

  test('with apostrophes', () => {
    assert.deepStrictEqual(countWords("Don't laugh, don't cry"), { "don't": 2, laugh: 1, cry: 1 });
  });

  test('words that are object keys', () => {
    assert.deepStrictEqual(countWords('constructor toString constructor'),
      { constructor: 2, tostring: 1 });
  });

  test('empty text', () => {
    assert.deepStrictEqual(countWords(''), {});
  });
});

describe('topWords', () => {
  test('returns a Map in order of count', () => {
    const top = topWords('b a b c a b', 2);
    assert.ok(top instanceof Map);
    assert.deepStrictEqual(top, new Map([['b', 3], ['a', 2]]));
  });

  test('ties keep the first appearance first', () => {
    assert.deepStrictEqual([...topWords('x y z', 2).keys()], ['x', 'y']);
  });

  test('more than available', () => {
    assert.equal(topWords('solo', 5).size, 1);
  });
});
