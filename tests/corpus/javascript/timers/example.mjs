export function once(fn) {
  let called = false;
  let result;
  return (...args) => {
    if (!called) {
      called = true;
      result = fn(...args);
    }
    return result;
  };
}

export function later(fn, ms) {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        resolve(fn());
      } catch (error) {
        reject(error);
      }
    }, ms);
  });
}

export async function countdown(from, ms) {
  const ticks = [];
  for (let n = from; n > 0; n -= 1) {
    ticks.push(n);
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
  return ticks;
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
