export class ConfigError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ConfigError';
  }
}

// counts lines from 0, keeps comment lines, loses the cause, merges into its first argument
export function parse(text) {
  const result = {};
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const [key, value] = line.split('=');
    if (value === undefined) throw new ConfigError(`line ${index}: expected key=value`);
    result[key.trim()] = value.trim();
  });
  return result;
}

export function fromJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    throw new ConfigError('invalid JSON');
  }
}

const DEFAULTS = { port: 8000, host: '127.0.0.1', debug: false };

export function defaults() {
  return DEFAULTS;
}

export function merge(base, overrides) {
  return Object.assign(base, overrides);
}
