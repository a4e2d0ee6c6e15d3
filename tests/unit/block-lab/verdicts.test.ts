// The block lab's readings of the claims (src/block-lab/verdicts.ts). Where the reader's block is the stock variant
// of its slot (a preset written in plain tf ops), the verdict is the claim's own verdict on the stock stack, which the
// claims suite checks: it holds. A block that is not that variant can fail the reading (the predicate is live), and a
// block written out as F(x) alone reads as the stack with neither residual nor norm. Stock measurements are computed
// once per run (withMemo) without changing any number.
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '~/lab/backend';
import { presetBlock, type BlockPresetId } from '~/lab/blocks';
import { toBlockDefinition } from '~/lab/custom-block';
import { createLab } from '~/lab/facade';
import { blockRoles, blockVerdicts, newMemoCache, withMemo, type Verdict } from '~/block-lab/verdicts';
import type { ModelOptions } from '~/lab/facade';

beforeAll(async () => {
  expect((await initBackend({ prefer: 'wasm' })).backend).toBe('wasm');
});

/** The preset that is each stock slot, written in plain tf ops. */
const PRESET_OF: Record<string, BlockPresetId> = {
  'residual/post': 'post-ln',
  'residual/pre': 'pre-ln',
  'residual/none': 'no-norm',
  'none/post': 'no-residual',
};
const slotKey = (s: { connection?: ModelOptions['connection']; norm?: ModelOptions['norm'] }) => `${s.connection}/${s.norm}`;
const neither = toBlockDefinition({ block: (_tf: unknown, x: unknown, F: (h: unknown) => unknown) => F(x) });

const readings = new Map<string, Verdict[]>();
async function verdictsOf(name: string, block = presetBlock(name as BlockPresetId)): Promise<Verdict[]> {
  if (!readings.has(name)) readings.set(name, await blockVerdicts(block, { seed: 1, backend: 'wasm' }));
  return readings.get(name)!;
}

describe('the claims read on a block', () => {
  it('every role names an each-seed claim of its experiment (checked when the roles load)', () => {
    expect(blockRoles().length).toBeGreaterThanOrEqual(6);
  });

  it.each(blockRoles().map(({ role }, i) => [role.claim, role.slotName, i] as const))(
    '%s with the stock slot %s written as a block: the claim holds, as the claims suite finds on the stock stack',
    async (_claim, _slot, i) => {
      const { role } = blockRoles()[i]!;
      const preset = role.slot.connection === 'none' && role.slot.norm === 'none' ? undefined : PRESET_OF[slotKey(role.slot)];
      const verdicts = preset ? await verdictsOf(preset) : await verdictsOf('neither', neither);
      expect(verdicts[i]!.holds, verdicts[i]!.detail).toBe(true);
    },
    120_000,
  );

  it('a block that is not the slot fails the reading: Post-LN does not grow the stream as Pre-LN does, nor explode as no norm', async () => {
    const post = await verdictsOf('post-ln');
    const byRole = (claim: string, slot: string) => post.find((v) => v.claim === claim && v.slotName === slot)!;
    expect(byRole('e8-stream-grows-with-depth', 'Pre-LN').holds).toBe(false);
    expect(byRole('e1-residual-without-norm-explodes', 'residual, no norm').holds).toBe(false);
  });

  it('memoizing the stock measurements changes no number', async () => {
    const lab = await createLab({ backend: 'wasm' });
    const memo = withMemo(lab, newMemoCache());
    const task = memo.task('reverse');
    const options = { connection: 'residual', norm: 'pre', nLayers: 3, dModel: 16, seed: 2 } as const;
    const batch = { seed: 2, batchSize: 8 };
    const direct = (() => {
      const m = lab.model(lab.task('reverse'), options);
      try {
        return lab.streamGradients(m, lab.task('reverse'), batch).norms;
      } finally {
        m.dispose();
      }
    })();
    for (let i = 0; i < 2; i++) {
      const m = memo.model(task, options);
      try {
        expect(memo.streamGradients(m, task, batch).norms).toEqual(direct);
      } finally {
        m.dispose();
      }
    }
  });
});
