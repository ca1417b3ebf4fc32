export class ConfigError extends Error {}

export function parse() {
  throw new Error('Remove this line and implement the function');
}

export function fromJson() {
  throw new Error('Remove this line and implement the function');
}

export function defaults() {
  throw new Error('Remove this line and implement the function');
}

export function merge() {
  throw new Error('Remove this line and implement the function');
}
