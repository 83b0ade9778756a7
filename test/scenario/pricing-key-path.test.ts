// A pricing.ec2 key is an instance type whose name has dots: a problem with it is said at
// that key and its line, not at a path cut at the dots (m5.8xlarge was said at
// pricing.ec2.m5.xlarge, on another line: the "8xlarge" segment dropped).

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tempDir, writeScenario } from '../helpers.js';
import { loadScenarioFile, ScenarioError } from '../../src/scenario/index.js';

describe('pricing.ec2 keys with dots', () => {
  it('an instance type the catalog lacks is said at its own key and line', () => {
    const text = readFileSync('scenarios/quickstart.yaml', 'utf8').replace(/\ncluster:/, '\npricing:\n  ec2:\n    m5.large: 0.1\n    m5.xlarge: 0.2\n    m5.8xlarge: 1.5\ncluster:');
    const file = writeScenario(tempDir(), 'pricing-dots', text);
    const line = text.split('\n').findIndex((l) => l.includes('m5.8xlarge')) + 1;
    let message = '';
    try {
      loadScenarioFile(file);
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      message = (e as Error).message;
    }
    expect(message.startsWith(`${file}:${line}: pricing.ec2.m5.8xlarge: expected a built-in or custom instance type, found "m5.8xlarge"; m5.8xlarge is not in ecsim's catalog`)).toBe(true);
  });
});
