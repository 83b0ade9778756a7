// scenario.json's task-level memory when the task definition writes none. In ECS task-level
// memory is the task's hard limit (a container's hard limit may not exceed it), while a
// task reserves each container's memoryReservation, else its memory. With no
// memoryReservation the sum of the containers' hard limits is both: it is filled in as
// memory. With one, the sum of soft limits is no hard limit (a container's own may be above
// it): memory is left out and memoryReservedByContainers, not an input key, records the sum.

import { describe, it, expect } from 'vitest';
import { problems, quickstart } from '../helpers.js';
import { effectiveScenario, loadScenarioObject } from '../../src/scenario/index.js';

function withContainers(containers: Record<string, unknown>, task: Record<string, unknown> = {}): Record<string, any> {
  const s = quickstart();
  delete s.taskDefinitions.web.cpu;
  delete s.taskDefinitions.web.memory;
  s.taskDefinitions.web.containerDefinitions = containers;
  Object.assign(s.taskDefinitions.web, task);
  return s;
}

const recorded = (s: Record<string, any>) => JSON.parse(JSON.stringify(effectiveScenario(loadScenarioObject('s.yaml', s, { baseDir: '.' })))).taskDefinitions.web;

const soft = {
  app: { cpu: 256, memory: 1024, memoryReservation: 256, portMappings: [{ containerPort: 8080 }] },
  side: { cpu: 128, memoryReservation: 128 },
};

describe("scenario.json's task-level memory", () => {
  it('with a memoryReservation: no memory, and memoryReservedByContainers the soft limits summed', () => {
    const td = recorded(withContainers(soft));
    // cpu 256 + 128 = 384; reserved 256 (app's soft limit) + 128 (side's) = 384
    expect(td.cpu).toBe(384);
    expect(td.memory).toBeUndefined();
    expect(td.memoryReservedByContainers).toBe(384);
    // the recorded task-level keys copied back are a valid scenario (memory 384 would not:
    // app's hard limit 1024 is above it)
    const back = withContainers(soft, { cpu: td.cpu });
    expect(problems(back)).toBe('');
    expect(problems(withContainers(soft, { cpu: 384, memory: 384 }))).toContain('containerDefinitions.app.memory: expected at most the task\'s memory 384 MiB');
  });

  it('with hard limits only: memory their sum, no memoryReservedByContainers', () => {
    // 512 + 256 = 768
    const td = recorded(withContainers({ app: { cpu: 256, memory: 512, portMappings: [{ containerPort: 8080 }] }, side: { cpu: 128, memory: 256 } }));
    expect([td.cpu, td.memory, td.memoryReservedByContainers]).toEqual([384, 768, undefined]);
  });

  it('a written task-level memory is kept, with or without memoryReservation', () => {
    const td = recorded(withContainers(soft, { memory: 2048 }));
    expect([td.cpu, td.memory, td.memoryReservedByContainers]).toEqual([384, 2048, undefined]);
  });

  it('memoryReservedByContainers is not an input key: copied back it is refused, not ignored', () => {
    const said = problems(withContainers(soft, { memoryReservedByContainers: 384 }));
    expect(said).toContain('taskDefinitions.web');
    // said what it is, with no "did you mean memory" (that would make the soft limits a hard one)
    expect(said).toContain("scenario.json's record of what the containers reserve");
    expect(said).not.toContain('did you mean');
  });
});
