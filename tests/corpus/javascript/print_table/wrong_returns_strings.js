// returns the text instead of logging it; no padding; warn uses console.log
function formatRow(n, i) {
  return `${n} x ${i} = ${n * i}`;
}

function greet(name) {
  return `Bonjour ${name} !`;
}

function printTable(n, rows = 10) {
  const lines = [];
  for (let i = 0; i < rows; i += 1) lines.push(formatRow(n, i));
  console.log(lines.join('\n'));
}

function warn(message) {
  console.log(`ATTENTION : ${message}`);
}

module.exports = { greet, printTable, formatRow, warn };
