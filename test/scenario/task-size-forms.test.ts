// Task-level cpu and memory in the forms RegisterTaskDefinition takes (both are Strings there):
// cpu as CPU units (1024) or vCPUs ("1 vCPU", "1 vcpu"), memory as MiB (1024) or GB ("1GB",
// "1 GB"); strings are converted to the integer when the task definition is registered
// (APIReference/API_RegisterTaskDefinition.html). Container-level cpu and memory
// are Integers (API_ContainerDefinition.html): strings there are refused with the number to write.

import { describe, it, expect } from 'vitest';
import { problems, quickstart } from '../helpers.js';
import { effectiveScenario, loadScenarioObject } from '../../src/scenario/index.js';

/** The quick start's task definition web with task cpu and memory as given (container 'app' keeps 256/512 unless dropped). */
function withTask(cpu: unknown, memory: unknown, dropContainerSizes = true): Record<string, any> {
  const s = quickstart();
  Object.assign(s.taskDefinitions.web, { cpu, memory });
  if (dropContainerSizes) {
    delete s.taskDefinitions.web.containerDefinitions.app.cpu;
    delete s.taskDefinitions.web.containerDefinitions.app.memory;
  }
  return s;
}

/** The task definition's cpu and memory as loaded, and as scenario.json records them. */
function sizes(cpu: unknown, memory: unknown): [unknown, unknown, unknown, unknown] {
  const r = loadScenarioObject('s.yaml', withTask(cpu, memory), { baseDir: '.' });
  const td = r.scenario.taskDefinitions.web;
  const json = JSON.parse(JSON.stringify(effectiveScenario(r))).taskDefinitions.web;
  return [td.cpu, td.memory, json.cpu, json.memory];
}

const CPU_FORMS = 'expected CPU units as a whole number > 0 (256), the same as a string ("256"), or vCPUs ("0.25 vCPU", "1 vcpu"; 1 vCPU = 1024 units)';
const MEMORY_FORMS = 'expected MiB as a whole number > 0 (512), the same as a string ("512"), or GB ("0.5 GB", "1GB"; 1 GB = 1024 MiB)';

describe('task-level cpu and memory as AWS writes them', () => {
  it('numbers and numeric strings', () => {
    expect(sizes(256, 512)).toEqual([256, 512, 256, 512]);
    expect(sizes('256', '512')).toEqual([256, 512, 256, 512]);
  });

  it('vCPUs and GB, converted x 1024 (fractions too), recorded in scenario.json as integers', () => {
    // 0.25 x 1024 = 256; 0.5 x 1024 = 512
    expect(sizes('0.25 vCPU', '0.5 GB')).toEqual([256, 512, 256, 512]);
    // 1 x 1024; 2 x 1024 = 2048 (written without the space, as AWS's "1GB")
    expect(sizes('1 vcpu', '2GB')).toEqual([1024, 2048, 1024, 2048]);
    // AWS's task size table writes ".25 vCPU"; 4 vCPU = 4096, 8 GB = 8192
    expect(sizes('.25 vCPU', '1 GB')).toEqual([256, 1024, 256, 1024]);
    expect(sizes('4 vCPU', '8 GB')).toEqual([4096, 8192, 4096, 8192]);
  });

  it('the Fargate task size table reads the converted values', () => {
    const fargate = (cpu: unknown, memory: unknown) => {
      const s = withTask(cpu, memory);
      Object.assign(s.taskDefinitions.web, { requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc' });
      s.services.web.launchType = 'FARGATE';
      return problems(s);
    };
    // 1 vCPU (1024) with 2 GB (2048): a valid Fargate size
    expect(fargate('1 vCPU', '2 GB')).toBe('');
    // 0.25 vCPU (256) takes 512, 1024 or 2048 MiB only: 4 GB (4096) is refused by the size table
    expect(fargate('0.25 vCPU', '4 GB')).toBe('s.yaml: taskDefinitions.web: Fargate task memory 4096 MiB is not valid with cpu 256: expected one of 512, 1024, 2048 MiB');
  });

  it('other forms are refused with the path, the accepted forms and what was found', () => {
    const first = (m: string) => m.split('\n')[0];
    expect(first(problems(withTask('1 CPU', 512)))).toBe(`s.yaml: taskDefinitions.web.cpu: ${CPU_FORMS}, found "1 CPU"`);
    expect(first(problems(withTask(256, '1 GiB')))).toBe(`s.yaml: taskDefinitions.web.memory: ${MEMORY_FORMS}, found "1 GiB" (write "1 GB": AWS reads GB as 1024 MiB)`);
    // 0.1 x 1024 = 102.4: no whole number of CPU units
    expect(first(problems(withTask('0.1 vCPU', 512)))).toBe(`s.yaml: taskDefinitions.web.cpu: ${CPU_FORMS}, found "0.1 vCPU" (0.1 vCPU is 102.4 CPU units, not a whole number)`);
    // a bare fraction is no CPU unit count; 0.5 vCPU would be 512
    expect(first(problems(withTask(0.5, 1024)))).toBe(`s.yaml: taskDefinitions.web.cpu: ${CPU_FORMS}, found number 0.5 (a bare number is CPU units; for 0.5 vCPU write "0.5 vCPU" or 512)`);
    expect(first(problems(withTask(256, 0)))).toBe(`s.yaml: taskDefinitions.web.memory: ${MEMORY_FORMS}, found number 0`);
    expect(first(problems(withTask('0 vCPU', 512)))).toBe(`s.yaml: taskDefinitions.web.cpu: ${CPU_FORMS}, found "0 vCPU"`);
    expect(first(problems(withTask(true, 512)))).toBe(`s.yaml: taskDefinitions.web.cpu: ${CPU_FORMS}, found boolean true`);
  });

  it('whole numbers above 2^53 - 1 = 9007199254740991 (not held exactly) are refused, as written and after x 1024', () => {
    const first = (m: string) => m.split('\n')[0];
    const above = (per: string) => ` (above 9007199254740991 ${per}, the largest whole number held exactly)`;
    expect(first(problems(withTask('99999999999999999999999', 512)))).toBe(`s.yaml: taskDefinitions.web.cpu: ${CPU_FORMS}, found "99999999999999999999999"${above('CPU units')}`);
    expect(first(problems(withTask(2 ** 53, 512)))).toBe(`s.yaml: taskDefinitions.web.cpu: ${CPU_FORMS}, found number 9007199254740992${above('CPU units')}`);
    // 8796093022208 x 1024 = 2^53: one past the largest
    expect(first(problems(withTask('8796093022208 vCPU', 512)))).toBe(`s.yaml: taskDefinitions.web.cpu: ${CPU_FORMS}, found "8796093022208 vCPU"${above('CPU units')}`);
    expect(first(problems(withTask(256, '8796093022208 GB')))).toBe(`s.yaml: taskDefinitions.web.memory: ${MEMORY_FORMS}, found "8796093022208 GB"${above('MiB')}`);
    expect(first(problems(withTask(256, '9007199254740993')))).toBe(`s.yaml: taskDefinitions.web.memory: ${MEMORY_FORMS}, found "9007199254740993"${above('MiB')}`);
    // a bare number is CPU units: no "write x 1024" hint past the range either
    expect(first(problems(withTask(256, 2 ** 60)))).toBe(`s.yaml: taskDefinitions.web.memory: ${MEMORY_FORMS}, found number ${2 ** 60}${above('MiB')}`);
    // 2^53 - 1 itself passes the form check (whatever else is said of it)
    expect(first(problems(withTask(9007199254740991, 512)))).not.toContain('taskDefinitions.web.cpu: expected');
    expect(first(problems(withTask('8796093022207 vCPU', 512)))).not.toContain('taskDefinitions.web.cpu: expected');
  });
});

describe('container-level cpu and memory stay numbers (Integers in ContainerDefinition)', () => {
  const container = (c: Record<string, unknown>) => {
    const s = quickstart();
    Object.assign(s.taskDefinitions.web.containerDefinitions.app, c);
    return problems(s).split('\n')[0];
  };

  it('a vCPU or GB string is refused with the number to write', () => {
    // 0.5 x 1024 = 512 CPU units; 0.25 GB x 1024 = 256 MiB
    expect(container({ cpu: '0.5 vCPU' })).toBe('s.yaml: taskDefinitions.web.containerDefinitions.app.cpu: expected CPU units as a whole number, found "0.5 vCPU" (container cpu is CPU units: 1 vCPU = 1024, so write 512)');
    expect(container({ memory: '0.25 GB' })).toBe('s.yaml: taskDefinitions.web.containerDefinitions.app.memory: expected MiB as a whole number, found "0.25 GB" (container memory is MiB: 1 GB = 1024, so write 256)');
    expect(container({ memoryReservation: '256' })).toBe('s.yaml: taskDefinitions.web.containerDefinitions.app.memoryReservation: expected MiB as a whole number, found "256" (container memoryReservation is MiB: 1 GB = 1024, write 256 without quotes)');
    expect(container({ cpu: 'lots' })).toBe('s.yaml: taskDefinitions.web.containerDefinitions.app.cpu: expected CPU units as a whole number, found "lots" (container cpu is CPU units: 1 vCPU = 1024)');
  });

  it('numbers as before', () => {
    expect(container({ cpu: 128, memory: 256 })).toBe('');
    expect(container({ cpu: -1 })).toMatch(/^s\.yaml: taskDefinitions\.web\.containerDefinitions\.app\.cpu: expected >= 0, found number -1$/);
  });
});

describe("containerDefinitions as AWS's list", () => {
  it('is refused with how to write it as a map keyed by name', () => {
    const s = quickstart();
    s.taskDefinitions.web.containerDefinitions = [{ name: 'app', image: 'nginx', cpu: 256 }];
    expect(problems(s).split('\n')[0]).toBe(
      "s.yaml: taskDefinitions.web.containerDefinitions: expected a map, found a list of 1 (a map keyed by container name: app: { cpu: 256, ... }; from AWS's list use each item's name as its key)",
    );
  });
});

describe('variants and sweeps set cpu and memory in the same forms', () => {
  it('a variant patch and a sweep point with vCPU and GB strings resolve to CPU units and MiB', async () => {
    const { readExperimentFile } = await import('../../src/experiment/index.js');
    const { resolveVariantScenario, resolveSweepScenario } = await import('../../src/experiment/load-derived.js');
    const { tempDir, writeScenario } = await import('../experiment/helpers/scenario.js');
    const exp = readExperimentFile(writeScenario(tempDir(), { variants: { big: { taskDefinitions: { web: { cpu: '0.5 vCPU', memory: '1 GB' } } } } }));
    const variant = resolveVariantScenario(exp, 'big', { taskDefinitions: { web: { cpu: '0.5 vCPU', memory: '1 GB' } } }).scenario.taskDefinitions.web;
    // 0.5 x 1024 = 512 CPU units; 1 x 1024 = 1024 MiB
    expect([variant.cpu, variant.memory]).toEqual([512, 1024]);
    const point = resolveSweepScenario(exp, [['taskDefinitions.web.cpu', '1 vcpu'], ['taskDefinitions.web.memory', '2GB']], 'sweep point 1', undefined).scenario.taskDefinitions.web;
    expect([point.cpu, point.memory]).toEqual([1024, 2048]);
  });
});
