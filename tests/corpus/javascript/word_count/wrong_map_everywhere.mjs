// a Map from countWords too: not deep-equal to a plain object
export function countWords(text) {
  const counts = new Map();
  for (const word of text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) || []) {
    counts.set(word, (counts.get(word) || 0) + 1);
  }
  return counts;
}

export function topWords(text, limit) {
  const sorted = [...countWords(text)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return new Map(sorted.slice(0, limit));
}
