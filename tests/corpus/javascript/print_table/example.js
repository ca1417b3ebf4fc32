function formatRow(n, i) {
  return `${n} x ${i} = ${String(n * i).padStart(2, ' ')}`;
}

function greet(name) {
  console.log(`Bonjour ${name} !`);
}

function printTable(n, rows = 10) {
  for (let i = 1; i <= rows; i += 1) console.log(formatRow(n, i));
}

function warn(message) {
  console.error(`ATTENTION : ${message}`);
}

module.exports = { greet, printTable, formatRow, warn };
