class List {
  constructor() {
    throw new Error('Remove this line and implement the function');
  }
}

module.exports = { List };
