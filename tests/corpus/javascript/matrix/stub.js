class Matrix {
  constructor() {
    throw new Error('Remove this line and implement the function');
  }
}

function transpose() {
  throw new Error('Remove this line and implement the function');
}

function rotateInPlace() {
  throw new Error('Remove this line and implement the function');
}

module.exports = { Matrix, transpose, rotateInPlace };
