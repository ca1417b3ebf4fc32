function isLeap(year) {
  throw new Error('Remove this line and implement the function');
}

module.exports = { isLeap };
