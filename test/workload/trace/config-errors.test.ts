import { describe, it, expect } from 'vitest';
import { build, M } from './helpers.js';

describe('bad trace configs throw an Error naming the path, what was expected and what was found', () => {
  it.each([
    ['no base shape', { weekly: { weekendFactor: 1 } }, /expected exactly one base shape .* found none/],
    ['two base shapes', { constant: 1, ramp: { from: 0, to: 1, start: 0, end: 1 } }, /found constant and ramp/],
    ['unknown key', { constant: 1, weekely: { weekendFactor: 1 } }, /requestRate\.weekely: unknown key \(did you mean "weekly"\?\)/],
    ['negative constant', { constant: -1 }, /constant: expected a number >= 0, found -1/],
    ['diurnal min > max', { diurnal: { min: 10, max: 5, peakAt: '12:00' } }, /diurnal\.max: expected a rate >= diurnal\.min \(10\), found 5/],
    ['diurnal bad peakAt', { diurnal: { min: 1, max: 5, peakAt: '25:00' } }, /diurnal\.peakAt: expected a wall-clock time "HH:MM".*found "25:00"/],
    ['diurnal bad timezone', { diurnal: { min: 1, max: 5, peakAt: '12:00', timezone: 'Mars/Olympus' } }, /diurnal\.timezone: expected an IANA time zone/],
    ['diurnal timezone in the wrong case', { diurnal: { min: 1, max: 5, peakAt: '12:00', timezone: 'europe/berlin' } }, /diurnal\.timezone: expected an IANA time zone name in its exact case, found "europe\/berlin" \(did you mean "Europe\/Berlin"\?\)/],
    ['diurnal timezone in the wrong case, suggested in the user\'s own words', { diurnal: { min: 1, max: 5, peakAt: '12:00', timezone: 'europe/kyiv' } }, /diurnal\.timezone: expected an IANA time zone name in its exact case, found "europe\/kyiv" \(did you mean "Europe\/Kyiv"\?\)/],
    ['diurnal period 0', { diurnal: { min: 1, max: 5, peakAt: '12:00', period: 0 } }, /diurnal\.period: expected a number > 0, found 0/],
    ['ramp end before start', { ramp: { from: 0, to: 1, start: 10, end: 5 } }, /ramp\.end: expected a time not before ramp\.start/],
    ['steps out of order', { step: { from: 1, steps: [{ at: 10, to: 2 }, { at: 5, to: 3 }] } }, /step\.steps\[1\]\.at: expected a time after steps\[0\]\.at/],
    ['step to not a number', { step: { from: 1, to: 'x', at: 5 } }, /step\.to: expected a finite number, found "x"/],
    ['walk start outside', { randomWalk: { start: 10, volatility: 0.1, min: 50, max: 100, every: M } }, /randomWalk\.start: expected a rate within \[min, max\] = \[50, 100\], found 10/],
    ['walk every 0', { randomWalk: { start: 60, volatility: 0.1, min: 50, max: 100, every: 0 } }, /randomWalk\.every: expected a number > 0/],
    ['csv no rows', { csv: { rows: [], file: 'a.csv' } }, /csv \(a\.csv\)\.rows: expected at least one row/],
    ['csv bad interpolate', { csv: { rows: [{ t: 0, value: 1 }], interpolate: 'cubic' } }, /csv\.interpolate: expected "linear" or "step", found "cubic"/],
    ['weekend factor negative', { constant: 1, weekly: { weekendFactor: -0.5 } }, /weekly\.weekendFactor: expected a number >= 0/],
    ['spike multiplier missing', { constant: 1, spikes: [{ at: 0, rampUp: 1, hold: 1 }] }, /spikes\[0\]\.multiplier: expected a finite number, found nothing/],
    ['noise type', { constant: 1, noise: { type: 'uniform', cv: 0.1, every: M } }, /noise\.type: expected "gaussian", found "uniform"/],
    ['noise cv negative', { constant: 1, noise: { type: 'gaussian', cv: -1, every: M } }, /noise\.cv: expected a number >= 0/],
  ])('%s', (_name, config, message) => {
    expect(() => build(config as never)).toThrow(message);
  });
});
