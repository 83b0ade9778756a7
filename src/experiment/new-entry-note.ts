// A variant's merge patch that names an entry the base lacks adds it (RFC 7386): a
// misspelt service, policy or task definition name (`services: { wbe: { desiredCount: 4 } }`)
// becomes a new, incomplete entry, and its problems ("services.wbe.taskDefinition:
// required") did not say why it was there. The first problem below such an entry gets a
// note that the base has no entry of that name, with the closest name it has.

import { likelyMeantName, meantClause } from '../scenario/did-you-mean.js';
import type { ScenarioIssue } from '../scenario/index.js';
import { isJsonObject } from './merge-patch.js';

/** The scenario's maps of user-chosen names, each with its entries' word for the note. */
export const ENTRY_WORDS: Record<string, string> = {
  services: 'service',
  taskDefinitions: 'task definition',
  capacityProviders: 'capacity provider',
  policies: 'policy',
  scheduledActions: 'scheduled action',
  containerDefinitions: 'container definition',
};

interface AddedEntry {
  /** The entry's dotted path, e.g. "services.wbe". */
  path: string;
  note: string;
}

/** The entries `patch` adds to a named map of `base` (a name the map lacks, given a map). */
function addedEntries(base: unknown, patch: unknown, at: string[] = []): AddedEntry[] {
  if (!isJsonObject(base) || !isJsonObject(patch)) return [];
  const out: AddedEntry[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) continue;
    if (Object.hasOwn(base, key)) {
      out.push(...addedEntries(base[key], value, [...at, key]));
    } else if (isJsonObject(value) && at.length > 0 && Object.hasOwn(ENTRY_WORDS, at[at.length - 1])) {
      const word = ENTRY_WORDS[at[at.length - 1]];
      out.push({
        path: [...at, key].join('.'),
        note: `the base has no ${word} "${key}": a variant naming a new one adds it${meantClause(likelyMeantName(key, Object.keys(base)))}`,
      });
    }
  }
  return out;
}

/** `issues` with the first one below each entry `patch` adds to `base` noted so. */
export function withNewEntryNotes(base: unknown, patch: unknown, issues: ScenarioIssue[]): ScenarioIssue[] {
  const added = addedEntries(base, patch);
  if (added.length === 0) return issues;
  const noted = new Set<string>();
  return issues.map((issue) => {
    const entry = added.find((a) => issue.path.startsWith(`${a.path}.`) || issue.path.startsWith(`${a.path}[`));
    if (entry === undefined || noted.has(entry.path)) return issue;
    noted.add(entry.path);
    return { ...issue, message: `${issue.message} (${entry.note})` };
  });
}
