class TimeoutError extends Error {}

function delay(ms, value) {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

// forgets to await inside try: a rejected promise escapes at once
async function retry(task, attempts) {
  for (let i = 0; i < attempts - 1; i += 1) {
    try {
      return task();
    } catch (error) {
      // try again
    }
  }
  return task();
}

// sequential, and results sorted by arrival
async function fetchAll(items, fetchOne) {
  const results = [];
  await Promise.all(items.map(async (item) => results.push(await fetchOne(item))));
  return results;
}

function withTimeout(promise, ms) {
  return Promise.race([promise, delay(ms).then(() => { throw new Error(`timed out after ${ms} ms`); })]);
}

module.exports = { delay, retry, fetchAll, TimeoutError, withTimeout };
