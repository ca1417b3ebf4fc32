// node:test reporter of the test process (T). node:test pipes its event stream into this stream;
// we subscribe to the source's events, which fire synchronously as each test ends, so every
// result reaches the grader at once (a blocked or killed process loses none), and a test that
// ends after the learner process died is failed whatever the test did with the error.
import { Transform } from 'node:stream';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const client = require('./client.js');

const MAX_MESSAGE = 4000;
export const SENTINEL = 'jobintech:end-of-tests';

function describeThrown(error) {
  if (error === null || (typeof error !== 'object' && typeof error !== 'function')) {
    return { outcome: 'error', message: `Thrown: ${String(error)}` };
  }
  if (error.code === 'ERR_ASSERTION') {
    return { outcome: 'failed', message: String(error.message) };
  }
  if (client.isLoadError(error)) return { outcome: 'error', message: String(error.message) };
  const where = client.remoteErrors.get(error);
  const text = `${error.name || 'Error'}: ${error.message}`;
  return { outcome: 'error', message: where ? `${text} (${where})` : text };
}

function describeFailure(details) {
  const error = details && details.error;
  if (!error) return { outcome: 'failed', message: '' };
  if (error.failureType === 'testCodeFailure' || error.failureType === 'hookFailed' ||
      error.failureType === 'uncaughtException' || error.failureType === 'unhandledRejection') {
    if (error.cause !== undefined) return describeThrown(error.cause);
  }
  return describeThrown(error);
}

function clip(text) {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

export default class GraderReporter extends Transform {
  constructor() {
    super({ writableObjectMode: true });
    this.levels = [];
    this.on('pipe', (source) => {
      source.on('test:enqueue', (data) => this.planned(data));
      source.on('test:pass', (data) => this.ended(data, true));
      source.on('test:fail', (data) => this.ended(data, false));
    });
  }

  _transform(event, encoding, callback) {
    callback(); // the results left already, from the synchronous listeners above
  }

  // Top-level tests known before they run: if the run is cut short, they are failed, not lost.
  planned(data) {
    if ((data.nesting || 0) === 0 && data.name !== SENTINEL) {
      client.emit({ k: 'planned', name: data.name, file: data.file ? path.relative(process.cwd(), data.file) : '' });
    }
  }

  result(data, passed, name) {
    const record = { k: 'test', name, outcome: 'passed', message: '',
      file: data.file ? path.relative(process.cwd(), data.file) : '', line: data.line || 0 };
    if (client.state.gone) {
      // Ended after the learner's program stopped: whatever the test did with the error.
      return Object.assign(record, { outcome: 'failed', gone: true,
        message: clip(String(client.state.gone.message)) });
    }
    if (!passed) {
      Object.assign(record, describeFailure(data.details));
      // A learner module that did not load explains most failures: say it in each of them.
      for (const loadError of client.loadErrorMessages()) {
        if (!record.message.includes(loadError)) record.message = `${loadError}\n${record.message}`;
      }
    }
    record.message = clip(record.message);
    return record;
  }

  ended(data, passed) {
    const nesting = data.nesting || 0;
    const children = this.levels[nesting + 1] || [];
    this.levels[nesting + 1] = [];
    if (nesting === 0 && data.name === SENTINEL) {
      client.emit({ k: 'end' });
      return;
    }
    if (data.skip || data.todo) return;
    const results = children.map((c) => Object.assign(c, { name: `${data.name} > ${c.name}` }));
    const failureType = data.details && data.details.error && data.details.error.failureType;
    const isSuite = data.details && data.details.type === 'suite';
    if (children.length === 0 ? !(isSuite && passed) : (!passed && failureType !== 'subtestsFailed')) {
      results.push(this.result(data, passed, data.name));
    }
    if (nesting === 0) {
      for (const record of results) client.emit(record);
    } else {
      this.levels[nesting] = (this.levels[nesting] || []).concat(results);
    }
  }
}
