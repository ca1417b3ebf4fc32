// a plain {} as the counter: "constructor" starts as a function; topWords returns an array
export function countWords(text) {
  const counts = {};
  for (const word of text.toLowerCase().split(/[^a-z0-9']+/).filter(Boolean)) {
    counts[word] = (counts[word] || 0) + 1;
  }
  return counts;
}

export function topWords(text, limit) {
  return Object.entries(countWords(text)).sort((a, b) => b[1] - a[1]).slice(0, limit);
}
