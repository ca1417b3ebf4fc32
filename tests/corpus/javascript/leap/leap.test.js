const test = require('node:test');
const assert = require('node:assert/strict');
const { isLeap } = require('./leap.js');

test('year not divisible by 4 in common year', () => {
  assert.equal(isLeap(2015), false);
});

test('year divisible by 2, not divisible by 4 in common year', () => {
  assert.equal(isLeap(1970), false);
});

test('year divisible by 4, not divisible by 100 in leap year', () => {
  assert.equal(isLeap(1996), true);
});

test('year divisible by 100, not divisible by 400 in common year', () => {
  assert.equal(isLeap(2100), false);
});

test('year divisible by 400 is leap year', () => {
  assert.equal(isLeap(2000), true);
});

test('year divisible by 200, not divisible by 400 in common year', () => {
  assert.equal(isLeap(1800), false);
});

test('returns a real boolean', () => {
  assert.strictEqual(typeof isLeap(2024), 'boolean');
});

test('leap years of a century', () => {
  const years = [];
  for (let y = 1901; y <= 2000; y += 1) if (isLeap(y)) years.push(y);
  assert.equal(years.length, 25);
  assert.deepStrictEqual(years.slice(0, 3), [1904, 1908, 1912]);
});
