export function countWords(text) {
  throw new Error('Remove this line and implement the function');
}

export function topWords(text, limit) {
  throw new Error('Remove this line and implement the function');
}
