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

describe('every bad pricing.ec2 key is said, each at its own key and line', () => {
  it('two misspelt types and a good one between them: both said, with their lines', () => {
    const text = readFileSync('scenarios/quickstart.yaml', 'utf8').replace(/\ncluster:/, '\npricing:\n  ec2:\n    m5.larg: 0.1\n    m5.large: 0.1\n    m5.xlarg: 0.2\ncluster:');
    const file = writeScenario(tempDir(), 'pricing-two-bad', text);
    const line = (key: string) => text.split('\n').findIndex((l) => l.trim().startsWith(`${key}:`)) + 1;
    let message = '';
    try {
      loadScenarioFile(file);
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      message = (e as Error).message;
    }
    expect(message.split('\n')).toEqual([
      `${file}:${line('m5.larg')}: pricing.ec2.m5.larg: expected a built-in or custom instance type, found "m5.larg" (did you mean "m5.large"?)`,
      `${file}:${line('m5.xlarg')}: pricing.ec2.m5.xlarg: expected a built-in or custom instance type, found "m5.xlarg" (did you mean "m5.xlarge"?)`,
    ]);
  });
});
