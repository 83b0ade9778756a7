// Dotted paths into a scenario object, as `sweep` names its parameters:
// `services.web.autoScaling.policies.cpu.targetValue`.

import { closest, closestName } from '../scenario/did-you-mean.js';
import { ENTRY_WORDS } from './new-entry-note.js';
import { isJsonObject } from './merge-patch.js';

/**
 * Sets the value at a dotted path, modifying `root`. Every segment but the last must
 * exist (a map key, or an index into a list); the last may be new (a key the scenario
 * leaves at its default), and the scenario's validation then rejects an unknown key. Map
 * names may contain dots: at each level the longest run of segments that is a key wins.
 * Throws an Error naming the path, the missing segment and the closest existing key.
 */
export function setPath(root: unknown, path: string, value: unknown): void {
  const segments = path.split('.');
  if (path === '' || segments.some((s) => s === '')) throw new Error(`path "${path}": expected dot-separated keys, found an empty segment`);
  let node = root;
  let at = 0;
  const walked: string[] = [];
  while (at < segments.length) {
    const where = walked.length === 0 ? 'the top level' : walked.join('.');
    if (Array.isArray(node)) {
      const index = Number(segments[at]);
      if (!Number.isInteger(index) || index < 0 || index >= node.length) {
        throw new Error(`path "${path}": ${where} is a list of ${node.length} items, expected an index 0..${node.length - 1}, found "${segments[at]}"`);
      }
      if (at === segments.length - 1) {
        node[index] = value;
        return;
      }
      node = node[index];
      walked.push(segments[at]);
      at += 1;
      continue;
    }
    if (!isJsonObject(node)) {
      throw new Error(`path "${path}": ${where} is ${describe(node)}, not a map, so it has no key "${segments[at]}"`);
    }
    if (segments[at] === '__proto__') {
      // (assigning it would replace the map's prototype: the value would vanish from the run)
      throw new Error(`path "${path}": the key "__proto__" is reserved (in JavaScript it names an object's prototype): no scenario key is named so`);
    }
    const take = longestKey(node, segments, at);
    if (take === 0) {
      if (at === segments.length - 1) {
        node[segments[at]] = value;
        return;
      }
      // (a map of chosen names: web-2 is another service, not a typo of web)
      const names = walked.length > 0 && Object.hasOwn(ENTRY_WORDS, walked[walked.length - 1]);
      const hint = (names ? closestName : closest)(segments[at], Object.keys(node));
      const known = Object.keys(node);
      throw new Error(
        `path "${path}": no key "${segments[at]}" in ${where}${hint === undefined ? '' : ` (did you mean "${hint}"?)`}` +
          `; keys there: ${known.length === 0 ? '(none)' : known.join(', ')}`,
      );
    }
    const key = segments.slice(at, at + take).join('.');
    if (at + take === segments.length) {
      node[key] = value;
      return;
    }
    node = node[key];
    walked.push(key);
    at += take;
  }
}

function longestKey(node: Record<string, unknown>, segments: string[], at: number): number {
  for (let take = segments.length - at; take >= 1; take--) {
    if (Object.hasOwn(node, take === 1 ? segments[at] : segments.slice(at, at + take).join('.'))) return take;
  }
  return 0;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  return `a ${typeof value} (${JSON.stringify(value)})`;
}
