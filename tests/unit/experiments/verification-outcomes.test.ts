// What each kind of checked configuration requires: the default and larger scales hold, counter-runs fail, and a
// scale marked as the claim's limit fails (a limit that holds is as wrong as a counter-run that holds).
import { describe, expect, it } from 'vitest';
import { configurationFails, configurationHolds, scaleAsRequired, type ConfigurationRecord } from '~/lab/experiment/verification';

const record = (holds: boolean[]): ConfigurationRecord => ({
  params: {},
  seeds: holds.map((_, i) => i + 1),
  runs: holds.map((h, i) => ({ seed: i + 1, holds: h, value: null, detail: '' })),
  ms: 0,
});

describe('checked configurations', () => {
  it('hold only when every seed holds, fail only when every seed fails', () => {
    expect(configurationHolds(record([true, true]))).toBe(true);
    expect(configurationHolds(record([true, false]))).toBe(false);
    expect(configurationFails(record([false, false]))).toBe(true);
    expect(configurationFails(record([true, false]))).toBe(false);
  });

  it('a scale must hold; a scale marked as a limit must fail', () => {
    expect(scaleAsRequired({ ...record([true]) })).toBe(true);
    expect(scaleAsRequired({ ...record([false]) })).toBe(false);
    expect(scaleAsRequired({ ...record([false]), limit: 'why' })).toBe(true);
    expect(scaleAsRequired({ ...record([true]), limit: 'why' })).toBe(false);
  });

  it('on the mean over seeds, the mean decides', () => {
    const mean = (holds: boolean): ConfigurationRecord => ({
      params: {},
      seeds: [1, 2],
      overSeeds: { holds, value: null, detail: '' },
      ms: 0,
    });
    expect(scaleAsRequired({ ...mean(false), limit: 'why' })).toBe(true);
    expect(scaleAsRequired({ ...mean(true) })).toBe(true);
  });
});
