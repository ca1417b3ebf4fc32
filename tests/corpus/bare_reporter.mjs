// node:test reporter for the corpus's bare runs (`node --test --test-reporter=THIS`): one JSON
// line per leaf test, named like the grader names them ("suite > test"), with its outcome.
// A parent that failed on its own (a hook, not just a failing child) is reported as well.
const children = [];

function outcomeOf(data, passed) {
  if (passed) return 'passed';
  const error = data.details && data.details.error;
  const cause = error && error.cause !== undefined ? error.cause : error;
  return cause && cause.code === 'ERR_ASSERTION' ? 'failed' : 'error';
}

export default async function* bareReporter(source) {
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const data = event.data;
    const nesting = data.nesting || 0;
    const mine = children[nesting + 1] || [];
    children[nesting + 1] = [];
    if (data.skip || data.todo) continue;
    const records = mine.map((c) => ({ ...c, name: `${data.name} > ${c.name}` }));
    const failure = data.details && data.details.error && data.details.error.failureType;
    if (mine.length === 0 ? data.details.type !== 'suite'
      : event.type === 'test:fail' && failure !== 'subtestsFailed') {
      records.push({ name: data.name, outcome: outcomeOf(data, event.type === 'test:pass') });
    }
    if (nesting === 0) {
      for (const record of records) yield `${JSON.stringify(record)}\n`;
    } else {
      children[nesting] = (children[nesting] || []).concat(records);
    }
  }
}
