// Text output of the CLI (pure): the experiment and claim listing, and one run's measurements with their
// provenance. --json prints the same data as JSON instead.
import type { ExperimentListing } from '~/experiments';
import type { ClaimListing } from '~/experiments';
import type { Provenance } from '../experiment/stored-run';
import type { Json } from '../experiment/types';
import { flattenMeasurements } from '../experiment/flatten';

export interface ListOutput {
  experiments: ExperimentListing[];
  claims: ClaimListing[];
}

export interface RunOutput {
  provenance: Provenance;
  measurements: Json;
}

const showDefault = (v: Json): string => (Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v : JSON.stringify(v));

export function formatList({ experiments, claims }: ListOutput): string {
  const lines: string[] = ['Experiments'];
  for (const e of experiments) {
    lines.push('', `${e.id}  ${e.title}  (default seed ${e.defaultSeed})`, `  ${e.question}`);
    const width = Math.max(0, ...e.params.map((p) => p.name.length));
    for (const p of e.params) {
      lines.push(
        `  --set ${p.name.padEnd(width)}  ${p.type.padEnd(7)} default ${showDefault(p.default)}${p.unit ? ` ${p.unit}` : ''}; ${p.allowed}  (${p.label})`,
      );
    }
    if (!e.params.length) lines.push('  (no parameters)');
  }
  lines.push('', 'Claims');
  const idWidth = Math.max(0, ...claims.map((c) => c.id.length));
  for (const c of claims) lines.push(`  ${c.id.padEnd(idWidth)}  ${c.experiment.padEnd(4)} seeds ${c.seeds.join(',')}  ${c.mode}`);
  return lines.join('\n');
}

export function formatRun({ provenance: p, measurements }: RunOutput): string {
  const params = Object.entries(p.params)
    .map(([k, v]) => `${k}=${showDefault(v)}`)
    .join(' ');
  const lines = [
    `${p.experiment}  seed ${p.seed}  backend ${p.backend}${p.fallbackReason ? ` (fallback: ${p.fallbackReason})` : ''}  TF.js ${p.tfjsVersion}`,
    `config  ${params || '(defaults, none)'}`,
    `date    ${p.date}  ${p.runtime}  commit ${p.commit}${p.dirty ? ' (dirty)' : ''}  ${(p.durationMs / 1000).toFixed(1)} s`,
    '',
  ];
  const rows = flattenMeasurements(measurements);
  const width = Math.min(48, Math.max(0, ...rows.map((r) => r.path.length)));
  for (const r of rows) lines.push(`${r.path.padEnd(width)}  ${r.value}`);
  return lines.join('\n');
}

/** One progress line: "e2  40% post-ln: step 40/200". */
export function formatProgress(id: string, fraction: number, message: string): string {
  return `${id} ${`${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%`.padStart(4)} ${message}`;
}
