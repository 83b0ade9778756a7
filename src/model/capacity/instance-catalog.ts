// The built-in EC2 instance type catalog: size, CPU architecture, network interface limit
// and the dated us-east-1 Linux on-demand price of each type, plus scenario-defined
// custom types. Sources: EC2 instance type specs and "Maximum network interfaces" table
// (AWSEC2/latest/UserGuide/using-eni.html#AvailableIpPerENI), aws.amazon.com/ec2/pricing/on-demand,
// and the awsvpc task limit with ENI trunking (AmazonECS/latest/developerguide/
// eni-trunking-supported-instance-types.html, "New Task Limit per Instance").

import { distance } from 'fastest-levenshtein';
import { MAX_PRICE_PER_HOUR } from '../pricing/max-price.js';

export type CpuArchitecture = 'x86_64' | 'arm64';

export interface InstanceType {
  readonly name: string;
  readonly vcpu: number;
  readonly memoryMiB: number;
  readonly cpuArchitecture: CpuArchitecture;
  /** Maximum network interfaces (EC2 table). awsvpc tasks can use maxEnis - 1: the primary ENI is the instance's. */
  readonly maxEnis: number;
  /** USD per hour, Linux on-demand, us-east-1, as of PRICE_LIST_DATE. */
  readonly pricePerHour: number;
  /**
   * awsvpc tasks per instance with the `awsvpcTrunking` account setting on (AWS's "New Task
   * Limit per Instance"); absent where ecsim has no published figure for the type.
   */
  readonly trunkTaskLimit?: number;
}

/** A custom type as written in the scenario: `{ name, vcpu, memoryMiB, enis, price, cpuArchitecture? }`. */
export interface CustomInstanceType {
  name: string;
  vcpu: number;
  memoryMiB: number;
  enis: number;
  price: number;
  cpuArchitecture?: CpuArchitecture;
}

/** The date of the price list below (us-east-1, Linux, on-demand). */
export const PRICE_LIST_DATE = '2026-01-01';

const GiB = 1024;

function t(
  name: string,
  vcpu: number,
  memoryGiB: number,
  cpuArchitecture: CpuArchitecture,
  maxEnis: number,
  pricePerHour: number,
  trunkTaskLimit?: number,
): InstanceType {
  return Object.freeze({
    name,
    vcpu,
    memoryMiB: memoryGiB * GiB,
    cpuArchitecture,
    maxEnis,
    pricePerHour,
    ...(trunkTaskLimit !== undefined ? { trunkTaskLimit } : {}),
  });
}

/** Built-in catalog, keyed by instance type name. */
export const INSTANCE_CATALOG: ReadonlyMap<string, InstanceType> = new Map(
  [
    // burstable
    t('t3.micro', 2, 1, 'x86_64', 2, 0.0104),
    t('t3.small', 2, 2, 'x86_64', 3, 0.0208),
    t('t3.medium', 2, 4, 'x86_64', 3, 0.0416),
    t('t3.large', 2, 8, 'x86_64', 3, 0.0832),
    t('t3.xlarge', 4, 16, 'x86_64', 4, 0.1664),
    t('t3.2xlarge', 8, 32, 'x86_64', 4, 0.3328),
    // general purpose
    t('m5.large', 2, 8, 'x86_64', 3, 0.096, 10),
    t('m5.xlarge', 4, 16, 'x86_64', 4, 0.192, 20),
    t('m5.2xlarge', 8, 32, 'x86_64', 4, 0.384, 40),
    t('m5.4xlarge', 16, 64, 'x86_64', 8, 0.768, 60),
    t('m6i.large', 2, 8, 'x86_64', 3, 0.096),
    t('m6i.xlarge', 4, 16, 'x86_64', 4, 0.192),
    t('m6i.2xlarge', 8, 32, 'x86_64', 4, 0.384),
    t('m6g.large', 2, 8, 'arm64', 3, 0.077),
    t('m6g.xlarge', 4, 16, 'arm64', 4, 0.154),
    t('m7g.large', 2, 8, 'arm64', 3, 0.0816),
    t('m7g.xlarge', 4, 16, 'arm64', 4, 0.1632),
    // compute optimised
    t('c5.large', 2, 4, 'x86_64', 3, 0.085, 10),
    t('c5.xlarge', 4, 8, 'x86_64', 4, 0.17, 20),
    t('c5.2xlarge', 8, 16, 'x86_64', 4, 0.34, 40),
    t('c6g.large', 2, 4, 'arm64', 3, 0.068),
    t('c6g.xlarge', 4, 8, 'arm64', 4, 0.136),
    // memory optimised
    t('r5.large', 2, 16, 'x86_64', 3, 0.126, 10),
    t('r5.xlarge', 4, 32, 'x86_64', 4, 0.252, 20),
  ].map((it) => [it.name, it]),
);

/**
 * The ENI limit ecsim gives an instance of `type`: `maxEnis` (tasks get `maxEnis - 1`), or
 * with ENI trunking on and a published figure for the type, that figure's task limit plus
 * the primary ENI (AWS counts the trunk ENI too: c5.large 12 ENIs, 10 tasks; ecsim keeps
 * the trunk out so that `enis - 1` stays the task limit everywhere).
 */
export function effectiveEnis(type: InstanceType, awsvpcTrunking: boolean): number {
  return awsvpcTrunking && type.trunkTaskLimit !== undefined ? type.trunkTaskLimit + 1 : type.maxEnis;
}

/** The custom types of an Auto Scaling group's `instanceTypes` list (the rest are catalog names). */
export function customTypesIn(list: readonly (string | CustomInstanceType)[]): CustomInstanceType[] {
  return list.filter((t): t is CustomInstanceType => typeof t !== 'string');
}

/** Checks a scenario custom type; returns null or a message naming what was expected and found. */
export function validateCustomInstanceType(c: CustomInstanceType): string | null {
  const bad = (field: string, expected: string, found: unknown) =>
    `custom instance type ${JSON.stringify(c.name)}: ${field} must be ${expected}, found ${JSON.stringify(found)}`;
  if (typeof c.name !== 'string' || c.name.length === 0) return bad('name', 'a non-empty string', c.name);
  if (!Number.isInteger(c.vcpu) || c.vcpu < 1) return bad('vcpu', 'an integer >= 1', c.vcpu);
  if (!Number.isInteger(c.memoryMiB) || c.memoryMiB < 512) return bad('memoryMiB', 'an integer >= 512', c.memoryMiB);
  if (!Number.isInteger(c.enis) || c.enis < 1) return bad('enis', 'an integer >= 1', c.enis);
  if (typeof c.price !== 'number' || !(c.price >= 0) || c.price > MAX_PRICE_PER_HOUR) return bad('price', `a number >= 0 and <= ${MAX_PRICE_PER_HOUR} (USD per hour)`, c.price);
  if (c.cpuArchitecture !== undefined && c.cpuArchitecture !== 'x86_64' && c.cpuArchitecture !== 'arm64')
    return bad('cpuArchitecture', 'x86_64 or arm64', c.cpuArchitecture);
  return null;
}

/** The custom type as a catalog entry (x86_64 unless stated). Throws on an invalid definition. */
export function toInstanceType(c: CustomInstanceType): InstanceType {
  const problem = validateCustomInstanceType(c);
  if (problem) throw new Error(problem);
  return Object.freeze({
    name: c.name,
    vcpu: c.vcpu,
    memoryMiB: c.memoryMiB,
    cpuArchitecture: c.cpuArchitecture ?? 'x86_64',
    maxEnis: c.enis,
    pricePerHour: c.price,
  });
}

/**
 * The instance type called `name`: a custom type of the scenario first (it may shadow a
 * built-in one), then the built-in catalog. Throws an Error with a did-you-mean hint.
 */
export function lookupInstanceType(name: string, custom: readonly CustomInstanceType[] = []): InstanceType {
  for (const c of custom) if (c.name === name) return toInstanceType(c);
  const builtIn = INSTANCE_CATALOG.get(name);
  if (builtIn) return builtIn;
  const tail = unknownTypeTail(name, custom, 'with its figures');
  throw new Error(
    `unknown instance type ${JSON.stringify(name)}: expected a built-in type (${[...INSTANCE_CATALOG.keys()].join(', ')}) ` +
      `or a custom {name, vcpu, memoryMiB, enis, price}${tail}`,
  );
}

/**
 * What an error about an unknown instance type `name` ends with: ` (did you mean "m5.large"?)`
 * for a slip, `; NAME is not in ecsim's catalog: list it as a custom type {...} <where>` for a
 * well-formed EC2 name the catalog lacks, else '' (instanceTypeHint).
 */
export function unknownTypeTail(name: string, custom: readonly CustomInstanceType[], where: string): string {
  const hint = instanceTypeHint(name, custom.map((c) => c.name));
  if (hint?.kind === 'meant') return ` (did you mean ${JSON.stringify(hint.name)}?)`;
  if (hint?.kind === 'uncatalogued') return `; ${name} is not in ecsim's catalog: list it as a custom type { name: ${name}, vcpu, memoryMiB, enis, price } ${where}`;
  return '';
}

/** A well-formed EC2 size: nano ... xlarge, 2xlarge ..., metal, metal-24xl. */
const EC2_SIZE = /^(nano|micro|small|medium|large|\d*xlarge|metal|metal-\d+xl)$/;
/** A well-formed EC2 family: letters, a generation digit, attribute letters (m5, c7gn, r6idn, u-6tb1). */
const EC2_FAMILY = /^[a-z][a-z-]*\d+[a-z0-9-]*$/;

/** `name` in lower case without punctuation: "M5-Large" and "m5large" are "m5large". */
function squashed(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * What to say of an instance type name that is neither built in nor one of `customNames`:
 * `meant` a known name it is a slip of (case or punctuation, "M5.Large", "m5-large",
 * "m5large"; a typo in the size of a known family, "m5.lrage"; a custom name within one
 * edit), `uncatalogued` when it is a well-formed EC2 name (family.size) ecsim's catalog does
 * not have (m5.8xlarge, c7g.large: no other type is meant; a custom type models it), or
 * undefined (no hint: a wrong one would change the capacity silently).
 */
export function instanceTypeHint(
  name: string,
  customNames: readonly string[] = [],
): { kind: 'meant'; name: string } | { kind: 'uncatalogued' } | undefined {
  const known = [...INSTANCE_CATALOG.keys(), ...customNames];
  const s = squashed(name);
  const slips = known.filter((k) => squashed(k) === s);
  if (slips.length === 1) return { kind: 'meant', name: slips[0] };
  const dot = name.indexOf('.');
  const family = dot > 0 ? name.slice(0, dot) : '';
  const size = dot > 0 ? name.slice(dot + 1) : '';
  if (EC2_FAMILY.test(family) && EC2_SIZE.test(size)) return { kind: 'uncatalogued' };
  if (family !== '' && !size.includes('.')) {
    const sizes = [...INSTANCE_CATALOG.keys()].filter((k) => k.startsWith(`${family}.`)).map((k) => k.slice(family.length + 1));
    const d = sizes.map((z) => distance(size.toLowerCase(), z));
    const best = Math.min(...d);
    const at = d.indexOf(best);
    if (d.lastIndexOf(best) === at && best <= (sizes[at]?.length >= 5 ? 2 : 1)) return { kind: 'meant', name: `${family}.${sizes[at]}` };
  }
  const customNear = customNames.filter((c) => c.length >= 4 && distance(name, c) <= 1);
  if (customNear.length === 1) return { kind: 'meant', name: customNear[0] };
  return undefined;
}
