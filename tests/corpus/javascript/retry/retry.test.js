const test = require('node:test');
const assert = require('node:assert/strict');
const { delay, retry, fetchAll, TimeoutError, withTimeout } = require('./retry.js');

test('delay resolves with the value after the time', async () => {
  const started = Date.now();
  assert.equal(await delay(20, 'ok'), 'ok');
  assert.ok(Date.now() - started >= 15);
});

test('retry returns the first success', async () => {
  let calls = 0;
  const result = await retry(async () => {
    calls += 1;
    if (calls < 3) throw new Error(`attempt ${calls} failed`);
    return 'done';
  }, 5);
  assert.equal(result, 'done');
  assert.equal(calls, 3);
});

test('retry gives up with the last error', async () => {
  let calls = 0;
  await assert.rejects(retry(async () => {
    calls += 1;
    throw new RangeError(`attempt ${calls} failed`);
  }, 2), { name: 'RangeError', message: 'attempt 2 failed' });
  assert.equal(calls, 2);
});

test('retry accepts synchronous functions', async () => {
  assert.equal(await retry(() => 42, 1), 42);
});

test('fetchAll keeps the order of the inputs', async () => {
  const results = await fetchAll([30, 10, 20], (ms) => delay(ms, ms * 2));
  assert.deepStrictEqual(results, [60, 20, 40]);
});

test('fetchAll of nothing', async () => {
  assert.deepStrictEqual(await fetchAll([], async (x) => x), []);
});

test('withTimeout resolves in time', async () => {
  assert.equal(await withTimeout(delay(5, 'fast'), 200), 'fast');
});

test('withTimeout rejects with a TimeoutError', async () => {
  await assert.rejects(withTimeout(delay(300, 'slow'), 20), (error) => {
    assert.ok(error instanceof TimeoutError);
    assert.equal(error.message, 'timed out after 20 ms');
    return true;
  });
});

test('retry returns a promise', () => {
  const result = retry(() => 1, 1);
  assert.ok(result instanceof Promise);
  return result;
});
