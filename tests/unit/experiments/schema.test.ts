import { describe, expect, test } from 'vitest';
import { defaultParams, describeAllowed, parseParams, validateParams, type ParamSchema } from '~/lab/experiment/schema';

const schema = {
  layers: { type: 'int', label: 'Layers', default: 6, min: 1, max: 24 },
  lr: { type: 'number', label: 'Learning rate', default: 0.003, min: 1e-5, max: 0.1 },
  norm: { type: 'enum', label: 'Norm', default: 'pre', values: ['pre', 'post', 'none'] },
  warmup: { type: 'boolean', label: 'Warmup', default: false },
  depths: { type: 'int[]', label: 'Depths', default: [2, 4], min: 1, max: 16, maxLength: 3 },
  even: { type: 'int', label: 'Even', default: 2, min: 0, max: 10, step: 2 },
} satisfies ParamSchema;

describe('validateParams', () => {
  test('fills every default when no input is given', () => {
    const r = validateParams(schema);
    expect(r).toEqual({ ok: true, values: { layers: 6, lr: 0.003, norm: 'pre', warmup: false, depths: [2, 4], even: 2 } });
  });

  test('defaults are copies: editing a returned list does not change the schema', () => {
    const values = defaultParams(schema);
    values.depths.push(8);
    expect(schema.depths.default).toEqual([2, 4]);
  });

  test('accepts typed values and strings from a URL or the CLI', () => {
    const r = validateParams(schema, { layers: '12', lr: 0.01, norm: 'post', warmup: 'true', depths: '2, 8,16', even: 4 });
    expect(r).toEqual({ ok: true, values: { layers: 12, lr: 0.01, norm: 'post', warmup: true, depths: [2, 8, 16], even: 4 } });
  });

  test.each([
    ['layers', 0, /parameter "layers" \(Layers\) got 0; allowed: an integer from 1 to 24/],
    ['layers', 2.5, /an integer from 1 to 24/],
    ['layers', 'abc', /got "abc"/],
    ['layers', '', /got ""/],
    ['lr', 1, /parameter "lr" \(Learning rate\) got 1; allowed: a number from 0.00001 to 0.1/],
    ['lr', Number.NaN, /allowed: a number/],
    ['norm', 'layer', /parameter "norm" \(Norm\) got "layer"; allowed: one of "pre", "post", "none"/],
    ['warmup', 'yes', /allowed: true or false/],
    ['depths', '2,40', /each from 1 to 16/],
    ['depths', [2, 4, 6, 8], /1 to 3 integers/],
    ['depths', [], /1 to 3 integers/],
    ['even', 3, /in steps of 2/],
  ])('rejects %s = %j, naming the parameter and what it allows', (key, value, message) => {
    const r = validateParams(schema, { [key]: value });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatch(message);
    }
  });

  test('rejects an unknown parameter and lists the known ones', () => {
    const r = validateParams(schema, { layer: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toBe('unknown parameter "layer"; known parameters: "layers", "lr", "norm", "warmup", "depths", "even"');
  });

  test('reports every problem at once', () => {
    const r = validateParams(schema, { layers: 99, norm: 'x', extra: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toHaveLength(3);
  });

  test('parseParams throws one error listing the problems', () => {
    expect(() => parseParams(schema, { layers: 99 })).toThrow(/Invalid parameters: parameter "layers"/);
    expect(parseParams(schema, { layers: 3 }).layers).toBe(3);
  });

  test('describeAllowed words each type', () => {
    expect(describeAllowed(schema.warmup)).toBe('true or false');
    expect(describeAllowed(schema.norm)).toBe('one of "pre", "post", "none"');
  });
});
