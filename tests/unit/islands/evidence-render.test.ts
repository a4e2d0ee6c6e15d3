// The evidence block as a reader without JavaScript gets it: rendered by Astro's Container API in Node from
// the real claim registry and stored references.
import { describe, it, expect, beforeAll } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import Evidence from '../../../components/Evidence.astro';
import { getClaim, testFileFor } from '~/experiments';
import { getStoredRun } from '~/experiments/stored-runs';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = (claim: string) => container.renderToString(Evidence, { props: { claim } });

describe('<Evidence claim> without JavaScript', () => {
  it('shows the claim, the reference figure as SVG with its data table, the verdict, the provenance and a permalink', async () => {
    const id = 'e1-residual-without-norm-explodes';
    const html = await render(id);
    const claim = getClaim(id);
    const ref = getStoredRun('e1')!;
    expect(html).toMatch(new RegExp(`<evidence-block[^>]*id="evidence-${id}"`));
    expect(html).toMatch(/data-experiment="e1"/);
    expect(html).toMatch(/data-state="idle"/);
    expect(html).toContain(`id="${id}"`);
    expect(html).toContain(`href="#evidence-${id}"`);
    expect(html).toContain(claim.statement.replace(/'/g, '&#39;').slice(0, 40));
    expect(html).toMatch(/<svg aria-label="Gradient norm of each block at initialization" role="img"/);
    expect(html).toMatch(/<table>[\s\S]*<caption>Gradient norm of each block at initialization<\/caption>/);
    expect(html).toContain(testFileFor(claim));
    expect(html).toMatch(/Holds on each of 3 seeds \(1, 2, 3\)/);
    expect(html).toContain(`seed ${ref.provenance.seed}, backend ${ref.provenance.backend}, TF.js ${ref.provenance.tfjsVersion}`);
    // A number from the stored reference appears in the table (first layer, residual without norm).
    const first = ref.measurements as { perLayer: Record<string, number[]> };
    expect(html).toContain(String(Number(first.perLayer['residual-no-norm']![0]!.toPrecision(3))));
  });

  it('renders the run form hidden (it needs JavaScript), from the schema, with a Run button', async () => {
    const html = await render('e1-no-residual-vanishes');
    expect(html).toMatch(/<form class="evidence-controls" data-controls hidden/);
    expect(html).toMatch(/<input id="evidence-e1-no-residual-vanishes-layers" name="layers" type="number" value="12" min="2" max="24" step="1"/);
    expect(html).toMatch(/<button type="submit" data-run>Run experiment E1<\/button>/);
    expect(html).toContain('Re-running this experiment in the page needs JavaScript.');
    expect(html).toMatch(/<script type="application\/json" data-config>\{"experiment":"e1"/);
  });

  it('highlights the core source (the code that runs) with Shiki in both themes', async () => {
    const html = await render('e1-no-residual-vanishes');
    expect(html).toMatch(/<code-snippet[^>]*data-experiment="e1"/);
    expect(html).toMatch(/<pre class="astro-code astro-code-themes github-light github-dark"/);
    expect(html).toContain('--shiki-dark');
    expect(html).toContain('gradientNorms');
  });

  it('says plainly when a claim id is unknown, naming the known ones, and offers no Run', async () => {
    const html = await render('e99-no-such-claim');
    expect(html).toMatch(/data-state="error"/);
    expect(html).toMatch(/This measurement cannot be shown: unknown claim &quot;e99-no-such-claim&quot;; known claims: e1-/);
    expect(html).not.toContain('data-run');
  });

  it('refuses a malformed claim id', async () => {
    await expect(render('Bad Id!')).rejects.toThrow(/claim id "Bad Id!" must be lowercase letters, digits and dashes/);
  });
});

import { storedRunOutcome } from '~/build/evidence-config';

describe("the claim's verdict on the stored reference run", () => {
  it('is stated for a run the claim covers, and a mean-over-seeds claim says it is one seed', () => {
    const ref = getStoredRun('e1')!;
    expect(storedRunOutcome(getClaim('e1-residual-without-norm-explodes'), ref)).toMatch(/^holds \(seed 1: .*ratio/);
    expect(storedRunOutcome(getClaim('e1-preln-last-layer-falls-with-depth'), ref)).toMatch(/^(holds|does not hold) \(seed 1 alone; the claim is about the mean over 10 seeds: /);
  });
  it('is not stated when the stored run used other parameters', () => {
    const ref = getStoredRun('e1')!;
    const claim = { ...getClaim('e1-residual-without-norm-explodes'), params: { layers: 4 } };
    expect(storedRunOutcome(claim, ref)).toBeUndefined();
  });
});
