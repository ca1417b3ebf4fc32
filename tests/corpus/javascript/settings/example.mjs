export class ConfigError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

export function parse(text) {
  const result = {};
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const at = line.indexOf('=');
    if (at < 0) throw new ConfigError(`line ${index + 1}: expected key=value`);
    result[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  });
  return result;
}

export function fromJson(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError('invalid JSON', { cause: error });
  }
}

export function defaults() {
  return Object.freeze({ port: 8000, host: '127.0.0.1', debug: false });
}

export function merge(base, overrides) {
  const result = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    result[key] = value instanceof Map && result[key] instanceof Map
      ? new Map([...result[key], ...value]) : value;
  }
  return result;
}
