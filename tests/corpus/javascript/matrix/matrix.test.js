const test = require('node:test');
const assert = require('node:assert/strict');
const { Matrix, transpose, rotateInPlace } = require('./matrix.js');

test('extract row from one number matrix', () => {
  assert.deepStrictEqual(new Matrix('1').rows[0], [1]);
});

test('can extract rows', () => {
  assert.deepStrictEqual(new Matrix('1 2\n3 4').rows, [[1, 2], [3, 4]]);
});

test('can extract columns from non square matrix', () => {
  assert.deepStrictEqual(new Matrix('1 2 3\n4 5 6\n7 8 9\n8 7 6').columns[2], [3, 6, 9, 6]);
});

test('numbers have different widths', () => {
  assert.deepStrictEqual(new Matrix('89 1903 3\n18 3 1\n9 4 800').columns[1], [1903, 3, 4]);
});

test('changing a returned row does not change the matrix', () => {
  const matrix = new Matrix('1 2\n3 4');
  const row = matrix.rows[0];
  row.push(99);
  assert.deepStrictEqual(matrix.rows[0], [1, 2]);
});

test('transpose', () => {
  assert.deepStrictEqual(transpose([[1, 2, 3], [4, 5, 6]]), [[1, 4], [2, 5], [3, 6]]);
});

test('transpose does not change its input', () => {
  const input = [[1, 2], [3, 4]];
  transpose(input);
  assert.deepStrictEqual(input, [[1, 2], [3, 4]]);
});

test('rotate in place keeps the outer array', () => {
  const grid = [[1, 2], [3, 4]];
  const same = grid;
  const result = rotateInPlace(grid);
  assert.equal(result, undefined);
  assert.strictEqual(same, grid);
  assert.deepStrictEqual(grid, [[3, 1], [4, 2]]);
});

test('rotate in place keeps the row arrays', () => {
  const grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
  const firstRow = grid[0];
  rotateInPlace(grid);
  assert.strictEqual(grid[0], firstRow);
  assert.deepStrictEqual(firstRow, [7, 4, 1]);
});
