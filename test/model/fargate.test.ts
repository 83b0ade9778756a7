import { describe, it, expect } from 'vitest';
import { validateFargateSize } from '../../src/model/capacity/index.js';

describe('Fargate task sizes (§10 table)', () => {
  it.each([
    [256, 512],
    [256, 2048],
    [512, 1024],
    [512, 4096],
    [1024, 8192],
    [2048, 16384],
    [4096, 30720],
    [8192, 16384],
    [8192, 20480], // 16384 + 4096
    [16384, 122880],
    [16384, 40960], // 32768 + 8192
  ])('cpu %i with memory %i MiB is valid', (cpu, mem) => {
    expect(validateFargateSize(cpu, mem)).toBeNull();
  });

  it.each([
    [256, 4096],
    [512, 512],
    [1024, 1024],
    [4096, 31744],
    [8192, 18432], // not a multiple of 4096 above 16384
    [16384, 36864], // not a multiple of 8192 above 32768
  ])('cpu %i with memory %i MiB is rejected', (cpu, mem) => {
    expect(validateFargateSize(cpu, mem)).toMatch(/not valid/);
  });

  it('the message lists the memory values valid for that cpu', () => {
    expect(validateFargateSize(512, 512)).toBe(
      'Fargate task memory 512 MiB is not valid with cpu 512: expected one of 1024, 2048, 3072, 4096 MiB',
    );
  });

  it('an unknown cpu value lists the valid cpu values', () => {
    expect(validateFargateSize(300, 512)).toBe(
      'Fargate task cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384 CPU units, found 300',
    );
  });
});
