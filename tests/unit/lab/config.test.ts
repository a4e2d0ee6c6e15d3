// Bad configuration gets a message naming the field and its allowed values.
import { describe, expect, test } from 'vitest';
import { resolveModelConfig, resolveTrainConfig, ConfigError } from '~/lab/config';
import { makeTask } from '~/lab/tasks';

const base = { vocabSize: 10, maxLen: 13 };

describe('config validation', () => {
  test.each([
    [{ norm: 'middle' }, 'norm', /norm must be one of 'post' \| 'pre' \| 'none', got "middle"/],
    [{ connection: 'add' }, 'connection', /connection must be one of 'residual' \| 'average' \| 'concat' \| 'highway' \| 'none'/],
    [{ dModel: 30, nHeads: 4 }, 'nHeads', /nHeads must divide dModel \(30\), got 4/],
    [{ nLayers: -1 }, 'nLayers', /nLayers must be an integer in \[0, 256\], got -1/],
    [{ causal: 'yes' }, 'causal', /causal must be true or false/],
    [{ depth: 3 }, 'depth', /unknown model config field 'depth'/],
    [{ normKind: 'group' }, 'normKind', /normKind must be one of 'layer' \| 'rms' \| 'batch', got "group"/],
    [{ branchScale: -0.5 }, 'branchScale', /branchScale must be a number in \[0, 100\], got -0.5/],
    [{ branchScale: Number.NaN }, 'branchScale', /branchScale must be a number in \[0, 100\]/],
    [{ rezero: 1 }, 'rezero', /rezero must be true or false, got 1/],
  ])('model %j → field %s', (bad, field, message) => {
    const fn = () => resolveModelConfig({ ...base, ...(bad as object) });
    expect(fn).toThrow(ConfigError);
    expect(fn).toThrow(message);
    try {
      fn();
    } catch (e) {
      expect((e as ConfigError).field).toBe(field);
    }
  });
  test.each([
    [{ lr: -1 }, 'lr', /lr must be a number in \[0, 10\], got -1/],
    [{ teacherForcing: 2 }, 'teacherForcing', /teacherForcing must be a number in \[0, 1\], got 2/],
    [{ teacherForcingDecay: 0.5 }, 'teacherForcingDecay', /teacherForcingDecay must be 0 \(no decay\) or k ≥ 1, got 0\.5/],
    [{ lossOn: 'half' }, 'lossOn', /lossOn must be one of 'answer' \| 'all'/],
    [{ freeze: 'embed' }, 'freeze', /freeze must be a list of parameter-name prefixes/],
    [{ steps: 1.5 }, 'steps', /steps must be an integer/],
  ])('train %j → field %s', (bad, field, message) => {
    const fn = () => resolveTrainConfig(bad as object);
    expect(fn).toThrow(message);
    try {
      fn();
    } catch (e) {
      expect((e as ConfigError).field).toBe(field);
    }
  });
  test('defaults fill in: dFF = 4d, finalNorm only for Pre-LN', () => {
    expect(resolveModelConfig(base).dFF).toBe(128);
    expect(resolveModelConfig({ ...base, norm: 'pre' }).finalNorm).toBe(true);
    expect(resolveModelConfig({ ...base, norm: 'post' }).finalNorm).toBe(false);
  });
  test('unknown task names the allowed ones', () => {
    expect(() => makeTask('sort' as never)).toThrow(
      /task must be one of 'copy' \| 'reverse' \| 'running-sum' \| 'translation', got "sort"/,
    );
  });
});
