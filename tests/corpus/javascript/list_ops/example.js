class List {
  constructor(values = []) {
    this.values = values;
  }

  append(other) {
    return new List([...this.values, ...other.values]);
  }

  concat(lists) {
    return lists.foldl((acc, list) => acc.append(list), this);
  }

  filter(predicate) {
    return this.foldl((acc, el) => (predicate(el) ? acc.append(new List([el])) : acc), new List());
  }

  map(fn) {
    return this.foldl((acc, el) => acc.append(new List([fn(el)])), new List());
  }

  length() {
    return this.foldl((acc) => acc + 1, 0);
  }

  foldl(fn, initial) {
    let acc = initial;
    for (const el of this.values) acc = fn(acc, el);
    return acc;
  }

  foldr(fn, initial) {
    return this.reverse().foldl(fn, initial);
  }

  reverse() {
    return this.foldl((acc, el) => new List([el, ...acc.values]), new List());
  }
}

module.exports = { List };
