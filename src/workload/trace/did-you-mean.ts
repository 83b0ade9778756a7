// " (did you mean X?)" for a mistyped name, when one known name is close enough.

import { closest, distance } from 'fastest-levenshtein';

export function didYouMean(name: string, known: readonly string[]): string {
  if (known.length === 0) return '';
  const best = closest(name, known);
  return distance(name.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3))
    ? ` (did you mean ${JSON.stringify(best)}?)`
    : '';
}
