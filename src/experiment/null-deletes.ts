// A variant's `null` deletes a key of the base (RFC 7386). A `null` for a name or key the
// base does not have deletes nothing, and merge patch drops it without a word: a misspelt
// policy name (`wakes: null` for the base's "wake") left the variant equal to the base.
// Each such `null` is a problem, at any depth, with the closest name the base has there.

import { didYouMean, didYouMeanName } from '../scenario/did-you-mean.js';
import { schemaKeyNamed } from '../scenario/schema-helpers.js';
import '../scenario/schema.js'; // its maps register the format's keys (schemaKeyNamed)
import { ENTRY_WORDS } from './new-entry-note.js';
import { isJsonObject } from './merge-patch.js';

export interface NullDeletesNothing {
  /** The key path of the `null` in the patch, e.g. ["services", "worker", "autoScaling", "policies", "wakes"]. */
  path: string[];
  message: string;
}

/** Each `null` of `patch` that deletes nothing from `base`: its key path and why. */
export function nullsDeletingNothing(base: unknown, patch: unknown): NullDeletesNothing[] {
  const out: NullDeletesNothing[] = [];
  walk(base, patch, [], undefined, out);
  return out;
}

/** `missing`: why the base has nothing at `at` (an entry or key it lacks above), if so. */
function walk(base: unknown, patch: unknown, at: string[], missing: string | undefined, out: NullDeletesNothing[]): void {
  if (!isJsonObject(patch)) return;
  if (missing === undefined && !isJsonObject(base)) missing = notAMap(base, at);
  for (const [key, value] of Object.entries(patch)) {
    const here = [...at, key];
    const lacks = missing ?? (isJsonObject(base) && !Object.hasOwn(base, key) ? lacking(base, key, at) : undefined);
    if (value === null) {
      if (lacks !== undefined) out.push({ path: here, message: `null deletes nothing: ${lacks}` });
    } else if (isJsonObject(value)) {
      walk(lacks === undefined && isJsonObject(base) ? base[key] : undefined, value, here, lacks, out);
    }
  }
}

/** Why a key under `at` deletes nothing when the base's value there is no map. */
function notAMap(base: unknown, at: string[]): string {
  const where = `the base's ${at.join('.')}`;
  if (Array.isArray(base)) return `${where} is a list (${base.length} ${base.length === 1 ? 'item' : 'items'}), not a map: a merge patch replaces a list whole; write the whole list without the item`;
  return `${where} is ${JSON.stringify(base)}, not a map`;
}

/** "the base has no policy "wakes" (did you mean "wake"?)", or with the keys there when none is close. */
function lacking(base: Record<string, unknown>, key: string, at: string[]): string {
  const parent = at[at.length - 1];
  const what = parent !== undefined && Object.hasOwn(ENTRY_WORDS, parent) ? ENTRY_WORDS[parent] : 'key';
  // a key of the format the base leaves to its default: no misspelling to hint at
  if (what === 'key' && schemaKeyNamed(key)) return `the base does not set ${JSON.stringify(key)}, so its default applies, and a null cannot unset a default: write the value you want instead`;
  const keys = Object.keys(base);
  const hint = what === 'key' ? didYouMean(key, keys) : didYouMeanName(key, keys);
  return `the base has no ${what} ${JSON.stringify(key)}${hint !== '' ? hint : `; ${keys.length === 0 ? 'it has none there' : `it has there: ${keys.join(', ')}`}`}`;
}
