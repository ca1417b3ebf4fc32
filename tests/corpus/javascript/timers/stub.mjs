export function once() {
  throw new Error('Remove this line and implement the function');
}

export function later() {
  throw new Error('Remove this line and implement the function');
}

export async function countdown() {
  throw new Error('Remove this line and implement the function');
}

export function debounce() {
  throw new Error('Remove this line and implement the function');
}
