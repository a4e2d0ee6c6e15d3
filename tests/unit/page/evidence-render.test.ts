// The evidence block as a reader without JavaScript gets it: rendered by Astro's Container API in Node from
// the real claim registry, stored runs and verifications.
import { describe, it, expect, beforeAll } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import Evidence from '../../../components/Evidence.astro';
import { getClaim, getExperiment, testFileFor } from '~/experiments';
import { storedRunDifference, storedRunOutcome } from '~/build/evidence-config';
import { getStoredRun } from '~/experiments/stored-runs';
import { getClaimRecord } from '~/experiments/verifications';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = (claim: string) => container.renderToString(Evidence, { props: { claim } });

describe('<Evidence claim> without JavaScript', () => {
  it('shows the claim, the stored run as an SVG figure with its data table, the result over seeds, how it is checked and a permalink', async () => {
    const id = 'e3-attention-only-collapses';
    const html = await render(id);
    const claim = getClaim(id);
    const ref = getStoredRun('e3')!;
    const verified = getClaimRecord('e3', id)!;
    expect(html).toMatch(new RegExp(`<evidence-block[^>]*id="evidence-${id}"`));
    expect(html).toMatch(/data-experiment="e3"/);
    expect(html).toMatch(/data-state="idle"/);
    expect(html).toContain(`id="${id}"`);
    expect(html).toContain(`href="#evidence-${id}"`);
    expect(html).toContain(claim.statement.replace(/'/g, '&#39;').slice(0, 40));
    expect(html).toMatch(/<svg aria-label="Relative residual[^"]*" role="img"/);
    expect(html).toContain(testFileFor(claim));
    expect(html).toContain(`Holds on ${claim.seeds.length} of ${claim.seeds.length} seeds`);
    expect(html).toContain(`at ${claim.scales[0]!.label}: ${claim.seeds.length} of ${claim.seeds.length} seeds`);
    expect(html).toContain('<summary>How this is checked</summary>');
    expect(html).toContain('fails, as it must');
    expect(html).toContain(`Last verified ${verified.provenance.date.slice(0, 10)} at commit ${verified.provenance.commit}`);
    expect(html).toContain(`seed ${ref.provenance.seed}, WebAssembly backend, TF.js ${ref.provenance.tfjsVersion}`);
  });

  it('renders the run form hidden (it needs JavaScript), from the schema, with a Run button', async () => {
    const html = await render('e1-no-residual-vanishes');
    expect(html).toMatch(/<form class="evidence-controls" data-controls hidden/);
    expect(html).toMatch(
      /<input id="evidence-e1-no-residual-vanishes-layers" name="layers" type="number" value="12" min="2" max="24" step="1"/,
    );
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

  it('fails the build on an unknown claim id, naming the known ones', async () => {
    await expect(render('e99-no-such-claim')).rejects.toThrow(
      /<Evidence claim="e99-no-such-claim">[\s\S]*unknown claim "e99-no-such-claim"; known claims: e1-/,
    );
  });

  it('refuses a malformed claim id', async () => {
    await expect(render('Bad Id!')).rejects.toThrow(/claim id "Bad Id!" must be lowercase letters, digits and dashes/);
  });
});

describe("the claim's outcome on the stored run", () => {
  it('is stated for a run the claim covers, and a mean-over-seeds claim says it is one seed', () => {
    const ref = getStoredRun('e1')!;
    expect(storedRunOutcome(getClaim('e1-residual-without-norm-explodes'), ref)).toMatch(/^holds \(seed 1: .*must be/);
    expect(storedRunOutcome(getClaim('e1-preln-last-layer-falls-with-depth'), ref)).toMatch(
      /^(holds|does not hold) \(seed 1 alone; the claim is about the mean over 10 seeds: /,
    );
  });
  it('is not stated when the stored run used other parameters', () => {
    const ref = getStoredRun('e1')!;
    const claim = { ...getClaim('e1-residual-without-norm-explodes'), params: { layers: 4 } };
    expect(storedRunOutcome(claim, ref)).toBeUndefined();
  });
});

describe("where the stored run's settings differ from the claim's", () => {
  it('names each differing parameter by its label, with both values', () => {
    const ref = getStoredRun('e18')!;
    const claim = getClaim('e18-stream-dropout-fits-worse');
    const words = storedRunDifference(claim, getExperiment('e18').params, ref);
    expect(words).toContain('Layers 2 (this claim: 4)');
    expect(words).toContain('Norm placement Post-LN (this claim: Pre-LN)');
  });
  it('says nothing when the stored run has the claim’s settings', () => {
    const ref = getStoredRun('e1')!;
    expect(storedRunDifference(getClaim('e1-residual-without-norm-explodes'), getExperiment('e1').params, ref)).toBeUndefined();
  });
});
