// The worker's loader finds each experiment and claim in its own folder, like the registry, without loading the others.
import { expect, test } from 'vitest';
import { claims, experiments } from '~/experiments';
import { loadClaim, loadExperiment, runLoadedExperiment } from '~/worker/experiment-loader';

test('every experiment and every claim of the registry loads from its own folder', async () => {
  for (const e of experiments) expect((await loadExperiment(e.id)).id).toBe(e.id);
  for (const c of claims) expect((await loadClaim(c.id)).statement).toBe(c.statement);
});

test('an unknown experiment or claim, or a bad parameter, is named in the error', async () => {
  await expect(loadExperiment('e999')).rejects.toThrow('unknown experiment "e999"');
  await expect(loadClaim('e3-no-such-claim')).rejects.toThrow(/unknown claim "e3-no-such-claim"; e3's claims: e3-/);
  await expect(runLoadedExperiment('e3', { layers: -1 }, { seed: 1, backend: 'cpu' })).rejects.toThrow(/experiment e3: .*layers/);
});
