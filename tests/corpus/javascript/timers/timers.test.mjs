import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { debounce, once, later, countdown } from './timers.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('once calls the function a single time', () => {
  const fn = mock.fn(() => 'result');
  const wrapped = once(fn);
  assert.equal(wrapped(), 'result');
  assert.equal(wrapped(), 'result');
  assert.equal(fn.mock.callCount(), 1);
});

test('once passes the arguments', () => {
  const fn = mock.fn((a, b) => a + b);
  assert.equal(once(fn)(2, 3), 5);
  assert.deepStrictEqual(fn.mock.calls[0].arguments, [2, 3]);
});

test('later resolves with the value of the function', async () => {
  assert.equal(await later(() => 42, 10), 42);
});

test('later rejects when the function throws', async () => {
  await assert.rejects(later(() => { throw new RangeError('trop tard'); }, 5),
    { name: 'RangeError', message: 'trop tard' });
});

test('countdown resolves with the ticks it saw', async () => {
  assert.deepStrictEqual(await countdown(3, 5), [3, 2, 1]);
});

test('debounce calls once with the last arguments', async () => {
  const fn = mock.fn();
  const debounced = debounce(fn, 20);
  debounced(1);
  debounced(2);
  debounced(3);
  await sleep(300);
  assert.equal(fn.mock.callCount(), 1);
  assert.deepStrictEqual(fn.mock.calls[0].arguments, [3]);
});

test('debounce does not call before the delay', async () => {
  const fn = mock.fn();
  debounce(fn, 1000)('x');
  await sleep(20);
  assert.equal(fn.mock.callCount(), 0);
});
