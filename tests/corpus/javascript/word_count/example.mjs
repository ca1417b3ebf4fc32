export function countWords(text) {
  const counts = Object.create(null);
  for (const word of text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) || []) {
    counts[word] = (counts[word] || 0) + 1;
  }
  return { ...counts };
}

export function topWords(text, limit) {
  const entries = Object.entries(countWords(text));
  entries.sort((a, b) => b[1] - a[1]);
  return new Map(entries.slice(0, limit));
}
