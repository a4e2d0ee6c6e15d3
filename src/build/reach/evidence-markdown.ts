// One evidence block in Markdown, for the twins: the claim's sentence, the measured figures of the stored run
// (the same compact rows as the claims page), and the result of its verification: seeds holding, the key
// figure over seeds, larger scales, counter-runs, when it was verified. A quoted block, so it reads as an aside.
import { fmt } from '~/lab/experiment/format';
import type { CheckedConfiguration, ClaimRecord } from './claim-records';
import { measurementRows } from './claim-records';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** `pageUrl` is the absolute URL of the question page the block is on. */
export function evidenceMarkdown(record: ClaimRecord, pageUrl: string): string {
  const lines: string[] = [];
  const e = record.experiment;
  lines.push(`**Evidence · ${e.id.toUpperCase()}: ${e.title}** ([the block on the page](${pageUrl}#evidence-${record.id}))`, '');
  lines.push(`**Claim.** ${record.statement}`, '');
  const run = record.runs[0];
  const p = record.provenance;
  if (run && p) {
    const commit = p.commit && p.commit !== 'unknown' ? `, lab commit ${p.commit}${p.dirty ? ' (with local changes)' : ''}` : '';
    lines.push(
      `**Measured** on the stored run (experiment ${p.experiment}, seed ${p.seed}, backend ${p.backend}, TF.js ${p.tfjsVersion}, ${p.date.slice(0, 10)}${commit}):`,
      '',
    );
    lines.push('| measurement | value |', '|---|---|');
    for (const row of measurementRows(run)) lines.push(`| ${cell(row.path)} | ${cell(row.value)} |`);
    lines.push('');
  } else {
    lines.push(`No stored run of ${e.id} yet.`, '');
  }
  const v = record.verification;
  if (v) {
    const parts = v.configurations.map((c) => resultOf(record, c));
    lines.push(
      `**Result.** ${parts.join(' ')} Last verified ${v.provenance.date.slice(0, 10)} at commit ${v.provenance.commit}, TF.js ${v.provenance.tfjsVersion} (${v.provenance.backend}); re-checked by \`${record.checkedBy}\`.`,
    );
  } else {
    lines.push(`**Result.** Not verified yet (\`npm run verify-claims -- ${e.id}\`).`);
  }
  return lines.map((l) => (l ? `> ${l}` : '>')).join('\n');
}

/** One configuration's outcome in words, with the key figure over seeds (mean ± sd, min–max). */
function resultOf(record: ClaimRecord, c: CheckedConfiguration): string {
  const where = {
    default: 'At the default configuration',
    scale: `At ${c.label}`,
    limit: `Where it stops, at ${c.label}`,
    'counter-run': `On a counter-run (${c.label})`,
  }[c.kind];
  if (c.overSeeds)
    return `${where}: ${c.overSeeds.holds ? 'holds' : 'does not hold'} on the mean over seeds ${c.seeds.join(', ')} (${c.overSeeds.detail}).`;
  const runs = c.perSeed ?? [];
  const holding = runs.filter((r) => r.holds).length;
  const values = runs.map((r) => r.value).filter((x): x is number => x !== null && Number.isFinite(x));
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const sd = values.length > 1 ? Math.sqrt(values.reduce((a, x) => a + (x - mean) ** 2, 0) / (values.length - 1)) : 0;
  const figure = values.length
    ? `; ${record.figure}: ${fmt(mean)} ± ${fmt(sd)} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`
    : '';
  const verb =
    c.kind === 'counter-run' ? `fails, as it must, on ${runs.length - holding} of ${runs.length}` : `holds on ${holding} of ${runs.length}`;
  return `${where}: ${verb} seed${runs.length > 1 ? 's' : ''}${figure}.`;
}
