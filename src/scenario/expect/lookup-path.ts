// Follows an expectation's path into summary.json and says, in a person's words, why it
// does not lead to a number when it does not ("services.wbe: no such key; did you mean web?").

import { closest } from '../did-you-mean.js';
import { formatPath } from './format-path.js';

export type Lookup = { ok: true; value: number } | { ok: false; reason: string };

export function lookupPath(summary: unknown, path: readonly string[]): Lookup {
  let node: unknown = summary;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (node === null || typeof node !== 'object') {
      return { ok: false, reason: `${formatPath(path.slice(0, i))} is ${describeLeaf(node)}, not a map: it has no key "${key}"` };
    }
    const map = node as Record<string, unknown>;
    if (!Object.hasOwn(map, key)) return { ok: false, reason: noSuchKey(path.slice(0, i + 1), Object.keys(map)) };
    node = map[key];
  }
  const where = formatPath(path);
  if (typeof node === 'number') return { ok: true, value: node };
  if (node === null) return { ok: false, reason: `${where} is null (no data in this run, e.g. no request served or no reservation metric)` };
  if (typeof node === 'object') {
    return { ok: false, reason: `${where} is a map, expected a number: name one of its keys (${Object.keys(node as object).join(', ')})` };
  }
  return { ok: false, reason: `${where} is ${describeLeaf(node)}, expected a number` };
}

/** The "no such key" sentence, with the closest existing key as a hint. */
export function noSuchKey(path: readonly string[], keys: readonly string[]): string {
  const key = path[path.length - 1];
  const hint = closest(key, keys);
  const known = keys.length === 0 ? 'it has no keys' : hint !== undefined ? `did you mean ${hint}?` : `expected one of: ${keys.join(', ')}`;
  return `${formatPath(path)}: no such key; ${known}`;
}

function describeLeaf(value: unknown): string {
  if (typeof value === 'string') return `the text "${value}"`;
  if (typeof value === 'boolean') return `${value}`;
  return value === undefined ? 'missing' : typeof value;
}
