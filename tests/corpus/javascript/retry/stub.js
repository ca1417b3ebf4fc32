class TimeoutError extends Error {}

function delay(ms, value) {
  throw new Error('Remove this line and implement the function');
}

async function retry(task, attempts) {
  throw new Error('Remove this line and implement the function');
}

function fetchAll(items, fetchOne) {
  throw new Error('Remove this line and implement the function');
}

function withTimeout(promise, ms) {
  throw new Error('Remove this line and implement the function');
}

module.exports = { delay, retry, fetchAll, TimeoutError, withTimeout };
