const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const { greet, printTable, formatRow, warn } = require('./print_table.js');

describe('formatRow (returns text)', () => {
  test('pads the product', () => {
    assert.equal(formatRow(3, 4), '3 x 4 = 12');
  });

  test('aligns single digits', () => {
    assert.equal(formatRow(2, 3), '2 x 3 =  6');
  });
});

describe('console output', () => {
  test('greet logs one line', (t) => {
    const log = t.mock.method(console, 'log', () => {});
    greet('Aya');
    assert.deepStrictEqual(log.mock.calls.map((call) => call.arguments), [['Bonjour Aya !']]);
  });

  test('greet returns nothing', (t) => {
    t.mock.method(console, 'log', () => {});
    assert.equal(greet('Aya'), undefined);
  });

  test('printTable logs every row', (t) => {
    const log = t.mock.method(console, 'log', () => {});
    printTable(3, 2);
    assert.deepStrictEqual(log.mock.calls.map((call) => call.arguments[0]),
      ['3 x 1 =  3', '3 x 2 =  6']);
  });

  test('warn writes to console.error', (t) => {
    const error = t.mock.method(console, 'error', () => {});
    const log = t.mock.method(console, 'log', () => {});
    warn('disque plein');
    assert.equal(log.mock.callCount(), 0);
    assert.deepStrictEqual(error.mock.calls[0].arguments, ['ATTENTION : disque plein']);
  });
});
