// Prints what the scenario layer found valid but likely unintended, one line each on stderr.

import { ScenarioError, scenarioWarnings, type ResolvedScenario, type ScenarioWarning } from '../scenario/index.js';
import { joinPath } from '../scenario/errors.js';
import { sweepWarnings, variantWarnings } from '../experiment/check-experiment.js';
import type { ExperimentFile } from '../experiment/experiment-file.js';
import { isJsonObject } from '../experiment/merge-patch.js';
import { counted } from '../output/plural.js';

export function printWarnings(file: string, scenario: ResolvedScenario, durationOverridden = false): void {
  for (const line of warningLines(scenarioWarnings(scenario, { durationOverridden }))) process.stderr.write(`warning: ${file}: ${line}\n`);
}

/** A warning shared by this many services or more is said once, naming them. */
export const GROUP_WARNINGS_FROM = 3;

/** A grouped warning names this many services at most, then "and N more" (all of them when one more). */
export const GROUP_NAMES_SHOWN = 10;

/** `a, b, c`; past `shown` + 1 names, the first `shown` and `and N more` (never "and 1 more": that name is shown). */
export function shortList(names: readonly string[], shown: number): string {
  return names.length <= shown + 1 ? names.join(', ') : `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

/**
 * The warnings as printed after the file, `PATH: message`, one a line; those that GROUP_WARNINGS_FROM
 * services or more have alike (the same message at the same key under `services.<name>`) in
 * one line at the first one's place, naming the services in the order said (the first
 * GROUP_NAMES_SHOWN and `and N more` past that, the count in brackets all of them):
 * `services s0, s1, s2 (3): autoScaling.minCapacity: cannot scale out from 0: ...`.
 */
export function warningLines(warnings: readonly ScenarioWarning[]): string[] {
  const keyOf = (w: ScenarioWarning) => (w.at[0] === 'services' && typeof w.at[1] === 'string' ? `${joinPath(w.at.slice(2))}\0${w.message}` : undefined);
  const names = new Map<string, Set<string>>();
  for (const w of warnings) {
    const key = keyOf(w);
    if (key !== undefined) names.set(key, (names.get(key) ?? new Set<string>()).add(w.at[1] as string));
  }
  const lines: string[] = [];
  const said = new Set<string>();
  for (const w of warnings) {
    const key = keyOf(w);
    const group = key === undefined ? undefined : names.get(key)!;
    if (group === undefined || group.size < GROUP_WARNINGS_FROM) {
      lines.push(`${joinPath(w.at)}: ${w.message}`);
    } else if (!said.has(key!)) {
      said.add(key!);
      const rest = joinPath(w.at.slice(2));
      lines.push(`services ${shortList([...group], GROUP_NAMES_SHOWN)} (${group.size}): ${rest === '' ? '' : `${rest}: `}${w.message}`);
    }
  }
  return lines;
}

/**
 * The base scenario's warnings, then each variant's own (`variants`) and each sweep value's
 * own (`sweep`) that the base does not have, each once, as validate prints them; each
 * variant's and each sweep value's grouped as the base's (warningLines), so a variant that
 * adds 60 alike services says it in one line. A variant or sweep value that is invalid ends
 * its part here quietly: compare or sweep then refuses it with its own message.
 */
export function printExperimentWarnings(exp: ExperimentFile, parts: { variants?: boolean; sweep?: boolean }): void {
  const durationOverridden = exp.durationOverrideMs !== undefined;
  printWarnings(exp.file, exp.base, durationOverridden);
  const quietly = <T>(list: () => T[]): T[] => {
    try {
      return list();
    } catch (e) {
      if (e instanceof ScenarioError) return [];
      throw e;
    }
  };
  // a variant's own warnings (those the base has are said once, above)
  const variants = parts.variants ? quietly(() => variantWarnings(exp, { durationOverridden })).map(({ variant, warning }) => ({ within: `variant "${variant}"`, warning })) : [];
  // a sweep value's own (each said once, by the first value whose point has it)
  const sweep = parts.sweep ? quietly(() => sweepWarnings(exp, { durationOverridden })) : [];
  for (const line of withinWarningLines([...variants, ...sweep])) process.stderr.write(`warning: ${exp.file}: ${line}\n`);
}

/**
 * Warnings each of a variant or a sweep value (`within`: `variant "x"`, `sweep value PATH=VALUE`),
 * as printed after the file: each one's own through warningLines, in the order first said,
 * `within: PATH: message`.
 */
export function withinWarningLines(warnings: readonly { within: string; warning: ScenarioWarning }[]): string[] {
  const byWithin = new Map<string, ScenarioWarning[]>();
  for (const { within, warning } of warnings) {
    const list = byWithin.get(within);
    if (list) list.push(warning);
    else byWithin.set(within, [warning]);
  }
  return [...byWithin].flatMap(([within, list]) => warningLines(list).map((line) => `${within}: ${line}`));
}

/**
 * What `ecsim compare` or `ecsim sweep` leaves of the file unused, one note line each (never
 * silently ignore input): the `expect:` lists (the top level's and the variants'; only `ecsim
 * run` checks one, the top-level list, on the base scenario), and the other command's key (a
 * compare does not run the sweep, a sweep not the variants). Printed with --quiet too, as
 * the warnings are.
 */
export function experimentNotes(exp: ExperimentFile, command: 'compare' | 'sweep'): string[] {
  const notes: string[] = [];
  const raw = exp.raw;
  const filled = (list: unknown) => Array.isArray(list) && list.length > 0;
  const variants = isJsonObject(raw.variants) ? Object.values(raw.variants) : [];
  const lists = (filled(raw.expect) ? 1 : 0) + variants.filter((patch) => isJsonObject(patch) && filled(patch.expect)).length;
  if (lists > 0) {
    const run = filled(raw.expect) ? '`ecsim run` checks the top-level one, on the base scenario' : '`ecsim run` checks only a top-level one, on the base scenario';
    notes.push(`${exp.file}: expect: lists are not checked by \`ecsim ${command}\` (${lists} in the file); ${run}`);
  }
  if (command === 'compare' && isJsonObject(raw.sweep) && Object.keys(raw.sweep).length > 0) notes.push(`${exp.file}: this file's sweep runs with \`ecsim sweep\`, not compare`);
  if (command === 'sweep' && variants.length > 0) notes.push(`${exp.file}: this file's variants run with \`ecsim compare\`, not sweep`);
  return notes;
}

export function printExperimentNotes(exp: ExperimentFile, command: 'compare' | 'sweep'): void {
  for (const line of experimentNotes(exp, command)) process.stderr.write(`note: ${line}\n`);
}

/**
 * What `ecsim run` leaves of the file unused: it runs the base scenario only, so a file's
 * variants (`ecsim compare` runs them) and sweep (`ecsim sweep`) get a note line each, after
 * the run, with --quiet too.
 */
export function runNotes(file: string, raw: Record<string, unknown>): string[] {
  const notes: string[] = [];
  const names = isJsonObject(raw.variants) ? Object.keys(raw.variants) : [];
  if (names.length > 0) {
    const shown = shortList(names, 5);
    notes.push(`${file}: run ran the base scenario; the file's ${counted(names.length, 'variant')} (${shown}) run with \`ecsim compare\``);
  }
  if (isJsonObject(raw.sweep) && Object.keys(raw.sweep).length > 0) notes.push(`${file}: run ran the base scenario; the file's sweep runs with \`ecsim sweep\``);
  return notes;
}
