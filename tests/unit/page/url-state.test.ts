import { describe, it, expect } from 'vitest';
import { readUrlState, writeUrlState, parseSeed } from '~/page/url-state';
import type { ParamSchema } from '~/lab/experiment/schema';

const schema: ParamSchema = {
  depth: { type: 'int', label: 'Depth', default: 12, min: 2, max: 16 },
  norm: { type: 'enum', label: 'Norm', default: 'pre', values: ['pre', 'post', 'none'] },
  lr: { type: 'number', label: 'Learning rate', default: 0.001, min: 1e-5, max: 0.1 },
  warmup: { type: 'boolean', label: 'Warmup', default: false },
  depths: { type: 'int[]', label: 'Depths', default: [2, 4], min: 1, max: 16, maxLength: 4 },
};

describe('URL state of an evidence block', () => {
  it('gives the defaults and the default seed when the URL says nothing', () => {
    const s = readUrlState('', 'c1', schema, 7);
    expect(s).toEqual({ values: { depth: 12, norm: 'pre', lr: 0.001, warmup: false, depths: [2, 4] }, seed: 7 });
  });

  it('reads only the keys prefixed with its claim id', () => {
    const s = readUrlState('?c1.depth=4&c2.depth=99&c1.norm=post&c1.seed=3&c1.depths=1,8', 'c1', schema, 7);
    expect(s.notice).toBeUndefined();
    expect(s.values).toMatchObject({ depth: 4, norm: 'post', depths: [1, 8] });
    expect(s.seed).toBe(3);
  });

  it('falls back to the defaults on a bad value and names the parameter and what is allowed', () => {
    const s = readUrlState('?c1.depth=400&c1.norm=post', 'c1', schema, 7);
    expect(s.values.depth).toBe(12);
    expect(s.values.norm).toBe('pre');
    expect(s.notice).toMatch(/not valid/);
    expect(s.notice).toMatch(/"depth".*400.*from 2 to 16/);
    expect(s.notice).toMatch(/defaults/);
  });

  it('rejects unknown parameters and bad seeds', () => {
    expect(readUrlState('?c1.dept=4', 'c1', schema, 7).notice).toMatch(/unknown parameter "dept"/);
    expect(readUrlState('?c1.seed=-1', 'c1', schema, 7).notice).toMatch(/seed got "-1"/);
    expect(readUrlState('?c1.seed=abc', 'c1', schema, 7).seed).toBe(7);
  });

  it('writes only non-default values, keeps other keys, and round-trips', () => {
    const values = { depth: 4, norm: 'pre', lr: 0.001, warmup: true, depths: [2, 4] };
    const q = writeUrlState('?x=1&c1.depth=9', 'c1', schema, 7, values, 11);
    expect(q).toBe('?x=1&c1.depth=4&c1.warmup=true&c1.seed=11');
    const back = readUrlState(q, 'c1', schema, 7);
    expect(back.values).toEqual(values);
    expect(back.seed).toBe(11);
    expect(writeUrlState('?c1.depth=9', 'c1', schema, 7, { ...values, depth: 12, warmup: false }, 7)).toBe('');
  });

  it('parses seeds strictly', () => {
    expect(parseSeed('42')).toBe(42);
    expect(parseSeed('4.2')).toBeUndefined();
    expect(parseSeed('')).toBeUndefined();
    expect(parseSeed('99999999999')).toBeUndefined();
  });
});
