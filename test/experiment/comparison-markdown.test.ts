// comparison.md and the comparison CSVs when figures are missing in some replications, and
// when a paired difference is the same in every replication; human() at every magnitude;
// mean ± half-width rounded together.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { comparisonCsv, comparisonMarkdown, pairedCsv, summarizeComparison } from '../../src/experiment/index.js';
import { human, plusMinus, signedPlusMinusText } from '../../src/experiment/figures-markdown.js';
import { significanceSentence, signedPlusMinus } from '../../src/experiment/comparison-markdown.js';

// METRICS order: cost, sloViolationMinutes, latencyP95Ms, cpuMean, taskHours, scalingActivities, droppedRequests, latencyP99Ms, spotInterruptions
// (p99 = p95 + 10, so it has a value exactly where p95 has one)
const row = (latency: number, cpu: number, scaling = 0) => [1, 0, latency, cpu, 1, scaling, 0, latency + 10, 0];

describe('figures missing in some replications (no request served, no CPU datapoint)', () => {
  // base: p95 100, 110, 120 (mean 110, sd 10, half-width 4.302653 x 10 / sqrt 3 = 24.84); CPU 50 each
  // v: p95 and CPU only in replication 2; w: no p95 at all, CPU 40, 41, 42 (paired: -10, -9, -8)
  const base = [row(100, 50), row(110, 50), row(120, 50)];
  const v = [row(NaN, NaN), row(NaN, NaN), row(130, 70)];
  const w = [row(NaN, 40), row(NaN, 41), row(NaN, 42)];
  const c = summarizeComparison('x', ['base', 'v', 'w'], [1, 2, 3], [base, v, w]);
  const md = comparisonMarkdown(c);
  const lines = md.split('\n');
  const cells = (name: string, from = 0) => lines.slice(from).find((l) => l.startsWith(`| ${name} |`))!.split(' | ').slice(1);
  const pairedAt = lines.findIndex((l) => l.startsWith('## Paired'));

  it('marks a mean over fewer replications than were run, and explains it under the table', () => {
    expect(cells('base')[2]).toBe('110 ± 25'); // all 3: no mark; 24.84 to 2 significant digits
    expect(cells('v')[2]).toBe('130 (1 of 3)'); // one value: no interval, but not mistaken for a one-replication run
    expect(cells('v')[3]).toBe('70 (1 of 3)');
    expect(cells('w')[2]).toBe('–');
    expect(md).toContain('(k of 3): only k of the 3 replications have a value for that figure; the others are left out of its mean and interval');
    expect(md).toContain('no p95 latency when no request was served, and no mean CPU when no service had a CPU datapoint');
  });

  it('marks paired differences over fewer pairs, and leaves figures with no value out of the "no significant difference" count', () => {
    expect(cells('v', pairedAt)[2]).toBe('+10 (1 of 3)');
    expect(cells('w', pairedAt)[3]).toBe('−9.0 ± 2.5 *'); // sd 1: 4.302653 / sqrt 3 = 2.484, to 2 significant digits, the mean to its place
    // w: 9 figures, 1 significant (CPU), 2 without any value (p95, p99): 6 others, not 8
    // the difference and its interval's ends to the half-width's place (2.484 -> 2.5: tenths): −9 -> −9.0, −11.484 -> −11.5, −6.516 -> −6.5
    expect(md).toContain('**w** differs significantly from base in mean CPU −9.0 percentage points (95 % CI −11.5 to −6.5); the other 6 figures show no significant difference; not tested, fewer than 2 replications with a value for both: p95 latency (0 of 3), p99 latency (0 of 3).');
    expect(md).toContain('**v** shows no significant difference from base on the 6 figures with values to test; not tested, fewer than 2 replications with a value for both: p95 latency (1 of 3), mean CPU (1 of 3), p99 latency (1 of 3).');
  });

  it('writes the count of each metric into the CSVs', () => {
    const comparison = comparisonCsv(c).trim().split('\n');
    expect(comparison[0].endsWith(',pareto,cost_n,sloViolationMinutes_n,latencyP95Ms_n,cpuMean_n,taskHours_n,scalingActivities_n,droppedRequests_n,latencyP99Ms_n,spotInterruptions_n')).toBe(true);
    expect(comparison[2].split(',').slice(-9)).toEqual(['3', '3', '1', '1', '3', '3', '3', '1', '3']);
    expect(comparison[3].split(',').slice(-9)).toEqual(['3', '3', '0', '3', '3', '3', '3', '0', '3']);
    const paired = pairedCsv(c).trim().split('\n');
    expect(paired[0].endsWith(',spotInterruptions_diff_ci95,cost_diff_n,sloViolationMinutes_diff_n,latencyP95Ms_diff_n,cpuMean_diff_n,taskHours_diff_n,scalingActivities_diff_n,droppedRequests_diff_n,latencyP99Ms_diff_n,spotInterruptions_diff_n')).toBe(true);
    expect(paired[1].split(',').slice(-9)).toEqual(['3', '3', '1', '1', '3', '3', '3', '1', '3']);
  });

  it('8 replications, one without latency: `(7 of 8)` on the mean, none where all 8 have it', () => {
    const p95 = [100, 102, 104, 106, 100, NaN, 102, 104]; // 718 / 7 = 102.57
    const a = p95.map((x) => row(x, 50));
    const b = p95.map((x, k) => row(k === 5 ? 101 : x + 1, 50));
    const md8 = comparisonMarkdown(summarizeComparison('x', ['a', 'b'], [1, 2, 3, 4, 5, 6, 7, 8], [a, b]));
    expect(md8).toMatch(/\| a \| 1 ± 0 \| 0 ± 0 \| 102\.6 ± [0-9.]+ \(7 of 8\) \| 50 ± 0 \|/);
    expect(md8).toMatch(/\| b \| 1 ± 0 \| 0 ± 0 \| 103\.3 ± [0-9.]+ \| 50 ± 0 \|/); // (718 + 7 + 101) / 8 = 103.25
    // paired: +1 in the 7 replications where both have a value
    expect(md8).toContain('| b | 0 ± 0 | 0 ± 0 | +1 ± 0 (7 of 8) |');
  });

  it('writes no note when every figure has a value in every replication', () => {
    const all = comparisonMarkdown(summarizeComparison('x', ['a', 'b'], [1, 2], [[row(1, 2), row(2, 2)], [row(1, 3), row(3, 3)]]));
    expect(all).not.toContain(' of 2)');
    expect(all).not.toContain('(k of');
  });
});

describe('a paired difference that is the same in every replication', () => {
  // compare-quickstart --replications 2: scaling activities 7, 8 against 5, 6: -2 both times
  const c = summarizeComparison('q', ['a', 'b'], [1, 2], [
    [row(100, 50, 7), row(110, 52, 8)],
    [row(100, 50, 5), row(110, 52, 6)],
  ]);
  const md = comparisonMarkdown(c);

  it('is not marked significant, and the sentence says it is the same every time', () => {
    expect(md).toContain('| b | 0 ± 0 | 0 ± 0 | 0 ± 0 | 0 ± 0 | 0 ± 0 | −2 ± 0 | 0 ± 0 | 0 ± 0 | 0 ± 0 |');
    expect(md).toContain('- **b** differs from a in scaling activities −2, the same difference in every replication (n = 2); the other 8 figures show no significant difference.');
    expect(md).toContain('is not marked');
  });

  it('alongside a significant one', () => {
    const sig = { n: 3, mean: 5, sd: 1, ci95: 2.484 };
    const same = { n: 3, mean: 1, sd: 0, ci95: 0 };
    const none = { n: 3, mean: 0.5, sd: 1, ci95: 2.484 };
    expect(significanceSentence('b', 'a', [sig, none, none, none, none, same, none, none, none], 3)).toBe(
      // to the place of the half-width 2.484 written 2.5 (tenths): +5.0, +2.516 -> +2.5, +7.484 -> +7.5
      '**b** differs significantly from a in cost +5.0 USD (95 % CI +2.5 to +7.5); it differs in scaling activities +1, the same difference in every replication (n = 3); the other 7 figures show no significant difference.',
    );
  });

  it('says significance is per figure with no adjustment for several figures', () => {
    expect(md).toContain('Each figure is tested on its own at 95 %, with no adjustment for testing 9 figures at once');
  });
});

describe('human(): four significant digits at any magnitude', () => {
  it('keeps what it printed for ordinary figures', () => {
    expect(human(1318.24)).toBe('1318');
    expect(human(65510.4)).toBe('65510');
    expect(human(3.4912)).toBe('3.491');
    expect(human(0.03065)).toBe('0.03065');
    expect(human(0.0011054)).toBe('0.001105');
    expect(human(-25.4512)).toBe('-25.45');
  });

  it('small figures: decimals down to 0.0001, then an exponent; never 0', () => {
    expect(human(0.00012345)).toBe('0.0001234'); // 0.00012345 is a hair below in binary
    expect(human(0.000012346)).toBe('1.235e-5');
    expect(human(3.333333e-7)).toBe('3.333e-7');
    expect(human(-2e-9)).toBe('-2e-9');
    expect(human(0.000099996)).toBe('0.0001');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => x !== 0 && Math.abs(x) < 1e12), (x) => {
        const text = human(x);
        expect(Number(text)).not.toBe(0);
        expect(Math.abs(Number(text) - x) / Math.abs(x)).toBeLessThanOrEqual(0.0005 + 1e-12); // 4 significant digits
      }),
    );
  });
});

describe('mean ± half-width: the half-width to 2 significant digits, the mean to the same decimal place', () => {
  const pm = (mean: number, ci95: number) => plusMinus({ mean, ci95 });
  it('hand examples (the figures a review found printed with more digits in the ± than in the mean)', () => {
    expect(pm(1.83, 0.07654)).toBe('1.830 ± 0.077'); // 0.07654 -> 0.077: 3 decimals, so 1.830
    expect(pm(32.7, 0.006944)).toBe('32.7000 ± 0.0069'); // 0.0069: 4 decimals
    expect(pm(0.8106, 0.0004522)).toBe('0.81060 ± 0.00045');
    expect(pm(0.07685, 0.0006994)).toBe('0.07685 ± 0.00070'); // 0.0006994 -> 0.00070: the trailing 0 is a significant digit
    expect(pm(9.4, 3.238)).toBe('9.4 ± 3.2');
    expect(pm(110, 24.84)).toBe('110 ± 25');
    expect(pm(361.2, 205)).toBe('360 ± 210'); // tens: 205 -> 210 (2 significant digits), 361.2 -> 360
    expect(pm(65512, 1234)).toBe('65500 ± 1200');
    expect(pm(2.0, 0.0996)).toBe('2.00 ± 0.10'); // 0.0996 rounds up to 0.10: 2 decimals, not 3
    expect(pm(-25.4512, 0.31)).toBe('-25.45 ± 0.31');
    expect(pm(0.004, 0.05)).toBe('0.004 ± 0.050'); // 0.004 to 3 decimals
    expect(pm(-0.001, 0.5)).toBe('0.00 ± 0.50'); // rounds to 0: no minus sign
  });

  it('a half-width of 0 or none keeps the mean as it reads alone; no value is –', () => {
    expect(pm(2.366, 0)).toBe('2.366 ± 0');
    expect(pm(60, 0)).toBe('60 ± 0');
    expect(pm(0.0811234, NaN)).toBe('0.08112');
    expect(pm(NaN, 1)).toBe('–');
  });

  it('paired differences: the sign of the rounded difference, a minus sign, the * mark', () => {
    expect(signedPlusMinusText(0.5333, 0.3795)).toBe('+0.53 ± 0.38');
    expect(signedPlusMinusText(-9, 2.484)).toBe('−9.0 ± 2.5');
    expect(signedPlusMinusText(-0.004, 0.05)).toBe('−0.004 ± 0.050');
    expect(signedPlusMinusText(0.0004, 0.05)).toBe('0.000 ± 0.050'); // rounds to 0: no sign
    expect(signedPlusMinusText(-5, 190.6)).toBe('−10 ± 190'); // half away from zero, as +5 -> +10
    expect(signedPlusMinusText(-2.096, 0)).toBe('−2.096 ± 0');
    expect(signedPlusMinusText(1.5, NaN)).toBe('+1.5');
    expect(signedPlusMinus({ n: 3, mean: -9, sd: 1, ci95: 2.484 }, 3)).toBe('−9.0 ± 2.5 *');
  });
});

describe('comparison.md: the binpack-vs-spread cost difference, equal up to floating-point noise', () => {
  // spread 4.576, 4.576, 4.5696; binpack 2.48, 2.48, 2.4736: -2.096 every time
  const cost = (x: number) => [x, 0, 100, 50, 1, 0, 0, 120, 0];
  const md = comparisonMarkdown(summarizeComparison('b', ['spread', 'binpack'], [1, 2, 3], [[4.576, 4.576, 4.5696].map(cost), [2.48, 2.48, 2.4736].map(cost)]));

  it('gives it a zero-width interval, not marked *, and says it is the same every time', () => {
    expect(md).toContain('| binpack | −2.096 ± 0 | 0 ± 0 |');
    expect(md).not.toContain('*|');
    expect(md).toContain('**binpack** differs from spread in cost −2.096 USD, the same difference in every replication (n = 3)');
  });

  it('says under the table how the services are combined, and names dropped requests as the page and the CSV do', () => {
    expect(md).toContain("How a run's services are combined: p95 (p99) latency is the p95 (p99) over all the requests a service served in the run, of the run's worst service");
    expect(md).toContain('| dropped requests |');
    expect(md).not.toContain('rejected');
  });
});

describe('the cold start (review: 17 291 of 18 550 dropped requests in the first two minutes, said nowhere)', () => {
  const c = summarizeComparison('x', ['base', 'v'], [1, 2], [[row(100, 50), row(110, 50)], [row(100, 50), row(110, 50)]]);

  it("compare's comparison.md says under the means table that every variant pays the start-up, which paired differences cancel and absolute figures include", () => {
    const md = comparisonMarkdown(c);
    const note =
      'Every run starts cold: no task is RUNNING at time 0 while the load is on, so every variant pays the start-up in dropped requests and SLO violation minutes. ' +
      'The paired differences cancel it where the variants start alike; the absolute figures include it (docs/assumptions.md, "Start of the run").';
    const lines = md.split('\n');
    // after the Pareto note, before the paired table
    expect(lines.indexOf(note)).toBeGreaterThan(lines.findIndex((l) => l.startsWith('Pareto: ')));
    expect(lines.indexOf(note)).toBeLessThan(lines.findIndex((l) => l.startsWith('## Paired')));
  });

  it('with one variant (no paired table) the note does not speak of paired differences', () => {
    const md = comparisonMarkdown(summarizeComparison('x', ['base'], [1, 2], [[row(100, 50), row(110, 50)]]));
    expect(md).not.toContain('## Paired');
    expect(md.split('\n')).toContain(
      'Every run starts cold: no task is RUNNING at time 0 while the load is on, so every variant pays the start-up in dropped requests and SLO violation minutes. ' +
        'The figures include it (docs/assumptions.md, "Start of the run").',
    );
  });
});

describe('warmStart in the note on the start of the runs (docs/assumptions.md "Start of the run")', () => {
  const rows = [[row(100, 50), row(110, 50)], [row(100, 50), row(110, 50)], [row(100, 50), row(110, 50)]];
  const noteOf = (md: string) => md.split('\n').find((l) => l.includes('(docs/assumptions.md, "Start of the run")'));

  it('every variant warm: no variant pays a start-up', () => {
    const md = comparisonMarkdown(summarizeComparison('x', ['a', 'b', 'c'], [1, 2], rows, [true, true, true]));
    expect(noteOf(md)).toBe(
      'Every run starts warm (`warmStart: true`): the initial instances are registered and the initial tasks RUNNING and healthy (in rotation behind a load balancer) at time 0, so no variant pays a start-up; ' +
        'initial tasks that do not fit the initial instances still wait for capacity (docs/assumptions.md, "Start of the run").',
    );
  });

  it('some warm: the warm ones are named, and a warm-cold paired difference includes the start-up', () => {
    const md = comparisonMarkdown(summarizeComparison('x', ['a', 'b', 'c'], [1, 2], rows, [false, true, true]));
    expect(noteOf(md)).toBe(
      'The variants `b`, `c` start warm (`warmStart: true`: tasks RUNNING and in rotation at time 0), the others cold (no task RUNNING at time 0 while the load is on): ' +
        'a cold variant pays the start-up in dropped requests and SLO violation minutes and a warm one does not, so a paired difference between a warm and a cold variant includes it (docs/assumptions.md, "Start of the run").',
    );
    const one = comparisonMarkdown(summarizeComparison('x', ['a', 'b', 'c'], [1, 2], rows, [true, false, false]));
    expect(noteOf(one)).toMatch(/^The variant `a` starts warm /);
  });

  it('none warm: the cold note as before', () => {
    const md = comparisonMarkdown(summarizeComparison('x', ['a', 'b', 'c'], [1, 2], rows, [false, false, false]));
    expect(noteOf(md)).toMatch(/^Every run starts cold: /);
    expect(md).toBe(comparisonMarkdown(summarizeComparison('x', ['a', 'b', 'c'], [1, 2], rows)));
  });
});
