'use strict';
// Runs a lesson snippet (read on stdin) as a file of its own: an ES module if it uses
// import/export, else CommonJS. Its output is what the learner sees; nothing is graded.
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

// Blocking output, so a printing loop meets the output cap (see agent.js).
for (const stream of [process.stdout, process.stderr]) {
  if (stream._handle && typeof stream._handle.setBlocking === 'function') stream._handle.setBlocking(true);
}
const code = fs.readFileSync(0, 'utf8');
const esm = /^\s*(import|export)\b(?!\s*\()/m.test(code);
const file = path.join(process.cwd(), esm ? 'main.mjs' : 'main.js');
fs.writeFileSync(file, code);
if (esm) {
  import(pathToFileURL(file).href).catch((error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  });
} else {
  require(file);
}
