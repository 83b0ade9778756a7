// Dotted paths into a scenario object, as `sweep` names its parameters:
// `services.web.autoScaling.policies.cpu.targetValue`.

import { closest, closestName } from '../scenario/did-you-mean.js';
import { ENTRY_WORDS } from './new-entry-note.js';
import { isJsonObject } from './merge-patch.js';

/**
 * A sweep path that cannot be set: `at` is the dotted path of the key at fault (what the
 * message is about), `message` says what was expected there and what was found.
 */
export class SetPathError extends Error {
  override name = 'SetPathError';
  constructor(
    readonly at: string,
    readonly problem: string,
  ) {
    super(`${at}: ${problem}`);
  }
}

/**
 * `__proto__` is the one key no scenario has (the loader refuses it anywhere) and assigning
 * it would replace the map's prototype, so the value would vanish from the run. Other names
 * JavaScript gives meaning to (`constructor`, `prototype`, `toString`) are set as own keys,
 * polluting nothing, and the schema judges them as any other name: a map of chosen names
 * (services, policies, attributes) may hold one; a fixed map refuses it with its keys.
 */
const RESERVED = '__proto__';

/**
 * Sets the value at a dotted path, modifying `root`. Every segment but the last must
 * exist (a map key, or an index into a list); the last may be new (a key the scenario
 * leaves at its default), and the scenario's validation then rejects an unknown key. Map
 * names may contain dots: at each level the longest run of segments that is a key wins.
 * Throws a SetPathError naming the key at fault, what was expected there (the keys there,
 * with the closest) and what was found.
 */
export function setPath(root: unknown, path: string, value: unknown): void {
  const segments = path.split('.');
  if (path === '' || segments.some((s) => s === '')) {
    throw new SetPathError(path, `expected keys separated by single dots, found ${path === '' ? 'an empty path' : 'an empty key'}${path === '' ? '' : '; remove the extra "."'}`);
  }
  let node = root;
  let at = 0;
  const walked: string[] = [];
  while (at < segments.length) {
    const where = walked.length === 0 ? 'the top level' : walked.join('.');
    const here = (key: string) => [...walked, key].join('.');
    if (Array.isArray(node)) {
      const index = Number(segments[at]);
      if (!Number.isInteger(index) || index < 0 || index >= node.length) {
        const range = node.length === 0 ? 'none: the list is empty' : `0..${node.length - 1}`;
        throw new SetPathError(here(segments[at]), `expected an index of the list ${where} (${range}), found "${segments[at]}"`);
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
      throw new SetPathError(where, `expected a map holding the key "${segments[at]}", found ${describe(node)}; set ${where} itself`);
    }
    if (segments[at] === RESERVED) {
      throw new SetPathError(
        here(segments[at]),
        `expected a key of ${where} (${keysOf(node)}), found "${RESERVED}", a name JavaScript reserves (an object's prototype); no scenario key is named so`,
      );
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
      // a key of the format the base leaves out (`metrics` for metrics.period) is no typo:
      // say how to sweep inside it (the schema judges the key once the base writes it)
      const under = walked.length === 0 ? 'at the top level of the base' : `under ${where} in the base`;
      const absent = hint === undefined && !names ? `; a sweep path goes through keys the base writes: if it is a key of the format the base leaves out, write ${segments[at]}: {} ${under}, or sweep ${here(segments[at])} whole` : '';
      throw new SetPathError(here(segments[at]), `expected a key of ${where} (${keysOf(node)}), found "${segments[at]}"${hint === undefined ? '' : ` (did you mean "${hint}"?)`}${absent}`);
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

/** The keys of a map, for a message: `minCapacity, maxCapacity, policies`, or `none`. */
function keysOf(node: Record<string, unknown>): string {
  const known = Object.keys(node);
  return known.length === 0 ? 'none' : known.join(', ');
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
