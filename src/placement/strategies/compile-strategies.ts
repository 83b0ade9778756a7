// Validates and compiles a placementStrategy list: at most 5 strategies
// (AmazonECS/latest/developerguide/task-placement-strategies.html); binpack on cpu or
// memory; spread on instanceId, host or attribute:NAME; random without a field.

import { unmodelledAttributeProblem } from '../built-in-attributes.js';
import type { PlacementStrategy } from '../types.js';
import { binpack } from './binpack.js';
import { random } from './random.js';
import { spread } from './spread.js';
import type { CompiledStrategy } from './strategy.js';

export const MAX_STRATEGIES = 5;

export function compileStrategies(list: readonly PlacementStrategy[], path = 'placementStrategy'): CompiledStrategy[] {
  if (list.length > MAX_STRATEGIES) {
    throw new Error(`${path}: expected at most ${MAX_STRATEGIES} placement strategies, found ${list.length}`);
  }
  return list.map((s, i) => {
    const at = `${path}[${i}]`;
    const raw = s as { type?: unknown; field?: unknown };
    switch (raw.type) {
      case 'binpack':
        if (raw.field !== 'cpu' && raw.field !== 'memory') {
          throw new Error(`${at}.field: expected "cpu" or "memory" for binpack, found ${JSON.stringify(raw.field)}`);
        }
        return binpack(raw.field);
      case 'spread':
        if (
          typeof raw.field !== 'string' ||
          !(raw.field === 'instanceId' || raw.field === 'host' || /^attribute:\S+$/.test(raw.field))
        ) {
          throw new Error(
            `${at}.field: expected "instanceId", "host" or "attribute:NAME" for spread, found ${JSON.stringify(raw.field)}${caseSlip(raw.field, ['instanceId', 'host'])}`,
          );
        }
        {
          const unmodelled = unmodelledAttributeProblem(raw.field.slice('attribute:'.length));
          if (raw.field.startsWith('attribute:') && unmodelled !== undefined) throw new Error(`${at}.field: ${unmodelled}`);
        }
        return spread(raw.field);
      case 'random':
        if (raw.field !== undefined) {
          throw new Error(`${at}.field: expected no field for random (random places each task on an instance that fits, chosen at random; ECS does not use a field with it), found ${JSON.stringify(raw.field)}; remove field, or use binpack or spread to place by a field`);
        }
        return random;
      default:
        throw new Error(`${at}.type: expected "binpack", "spread" or "random", found ${JSON.stringify(raw.type)}`);
    }
  });
}

/** ` (did you mean "instanceId"?)` for a value that is one of `names` but for case, "_" or "-" (instanceID, instance_id); else ''. */
function caseSlip(value: unknown, names: readonly string[]): string {
  if (typeof value !== 'string') return '';
  const squash = (x: string) => x.toLowerCase().replace(/[_-]/g, '');
  const meant = names.find((n) => squash(n) === squash(value));
  return meant !== undefined ? ` (did you mean ${JSON.stringify(meant)}?)` : '';
}
