// One evidence block in Markdown, for the twins: the claim's sentence, the measured figures of the stored
// reference run (the same compact rows as the claims page), the seeds it must hold on, and the verdict, in the
// words of the page's block (src/islands/block-config.ts). A quoted block, so it reads as an aside.
import type { ClaimRecord } from './claim-records';
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
    lines.push(`**Measured** on the stored reference run (experiment ${p.experiment}, seed ${p.seed}, backend ${p.backend}, TF.js ${p.tfjsVersion}, ${p.date.slice(0, 10)}${commit}):`, '');
    lines.push('| measurement | value |', '|---|---|');
    for (const row of measurementRows(run)) lines.push(`| ${cell(row.path)} | ${cell(row.value)} |`);
    lines.push('');
  } else {
    lines.push(`No reference run of ${e.id} is stored yet.`, '');
  }
  const seeds = record.seeds.join(', ');
  const scope = record.mode === 'each-seed' ? `Holds on each of ${record.seeds.length} seeds (${seeds})` : `Holds on the mean over ${record.seeds.length} seeds (${seeds})`;
  let onReference = '';
  if (run && run.holds !== null) {
    const which = record.mode === 'mean-over-seeds' ? `seed ${run.seed} alone; the claim is about the mean over ${record.seeds.length} seeds` : `seed ${run.seed}`;
    onReference = ` On the stored reference run: ${run.holds ? 'holds' : 'does not hold'} (${which}: ${run.detail}).`;
  }
  lines.push(`**Verdict.** ${scope}, checked on the WASM backend by \`${record.checkedBy}\`.${onReference}`);
  return lines.map((l) => (l ? `> ${l}` : '>')).join('\n');
}
