// 1/0 instead of true/false
function isLeap(year) {
  return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 1 : 0;
}

module.exports = { isLeap };
