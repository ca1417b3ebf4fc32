// once forgets the result; later swallows errors; debounce never cancels the previous timer
export function once(fn) {
  let called = false;
  return (...args) => {
    if (called) return undefined;
    called = true;
    return fn(...args);
  };
}

export function later(fn, ms) {
  return new Promise((resolve) => {
    setTimeout(() => {
      try {
        resolve(fn());
      } catch {
        resolve(undefined);
      }
    }, ms);
  });
}

export async function countdown(from, ms) {
  const ticks = [];
  for (let n = from; n >= 0; n -= 1) {
    ticks.push(n);
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
  return ticks;
}

export function debounce(fn, ms) {
  return (...args) => {
    setTimeout(() => fn(...args), ms);
  };
}
