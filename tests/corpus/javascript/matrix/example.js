class Matrix {
  #rows;

  constructor(text) {
    this.#rows = text.split('\n').map((line) => line.trim().split(/\s+/).map(Number));
  }

  get rows() {
    return this.#rows.map((row) => [...row]);
  }

  get columns() {
    return transpose(this.#rows);
  }
}

function transpose(grid) {
  return grid.length === 0 ? [] : grid[0].map((_, i) => grid.map((row) => row[i]));
}

function rotateInPlace(grid) {
  const rotated = transpose(grid).map((column) => column.reverse());
  rotated.forEach((values, i) => grid[i].splice(0, grid[i].length, ...values));
}

module.exports = { Matrix, transpose, rotateInPlace };
