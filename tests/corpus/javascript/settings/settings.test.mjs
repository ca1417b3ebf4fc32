import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as settings from './settings.mjs';
import { ConfigError } from './settings.mjs';

describe('parse', () => {
  test('key=value lines', () => {
    assert.deepStrictEqual(settings.parse('port=8080\nhost=localhost'),
      { port: '8080', host: 'localhost' });
  });

  test('comments and blank lines are ignored', () => {
    assert.deepStrictEqual(settings.parse('# config\n\nmode = dev\n'), { mode: 'dev' });
  });

  test('a line without "=" is an error naming the line', () => {
    assert.throws(() => settings.parse('port=1\noops'),
      { name: 'ConfigError', message: 'line 2: expected key=value' });
  });
});

describe('fromJson', () => {
  test('parses JSON', () => {
    assert.deepStrictEqual(settings.fromJson('{"debug": true, "tags": ["a"]}'),
      { debug: true, tags: ['a'] });
  });

  test('invalid JSON is a ConfigError caused by the SyntaxError', () => {
    assert.throws(() => settings.fromJson('{debug'), (error) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.message, 'invalid JSON');
      assert.ok(error.cause instanceof SyntaxError);
      return true;
    });
  });
});

describe('defaults', () => {
  test('values', () => {
    assert.deepStrictEqual(settings.defaults(), { port: 8000, host: '127.0.0.1', debug: false });
  });

  test('are frozen', () => {
    assert.ok(Object.isFrozen(settings.defaults()));
  });

  test('each call gives equal values', () => {
    assert.deepStrictEqual(settings.defaults(), settings.defaults());
  });
});

describe('merge', () => {
  test('later values win', () => {
    assert.deepStrictEqual(settings.merge({ a: 1, b: 1 }, { b: 2 }), { a: 1, b: 2 });
  });

  test('does not change its arguments', () => {
    const base = { a: 1 };
    settings.merge(base, { a: 2 });
    assert.deepStrictEqual(base, { a: 1 });
  });

  test('merges nested Maps of overrides', () => {
    const result = settings.merge({ env: new Map([['A', '1']]) }, { env: new Map([['B', '2']]) });
    assert.deepStrictEqual(result.env, new Map([['A', '1'], ['B', '2']]));
  });
});
