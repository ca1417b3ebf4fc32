// hands out its own rows; rotate replaces the rows with new arrays
class Matrix {
  constructor(text) {
    this.data = text.split('\n').map((line) => line.split(' ').map(Number));
  }

  get rows() {
    return this.data;
  }

  get columns() {
    return this.data[0].map((_, i) => this.data.map((row) => row[i]));
  }
}

function transpose(grid) {
  return grid[0].map((_, i) => grid.map((row) => row[i]));
}

function rotateInPlace(grid) {
  const rotated = grid[0].map((_, i) => grid.map((row) => row[i]).reverse());
  grid.splice(0, grid.length, ...rotated);
}

module.exports = { Matrix, transpose, rotateInPlace };
