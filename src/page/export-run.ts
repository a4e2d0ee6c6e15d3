// A finished run as files a reader can keep: JSON (everything) and CSV (every number, one row per path),
// both carrying provenance (experiment, claim, params, seed, backend, TF.js version, date, page).

export interface Provenance {
  experiment: string;
  claim: string;
  params: Record<string, unknown>;
  seed: number;
  backend: string;
  backendNote?: string;
  tfjsVersion: string;
  date: string;
  page: string;
}

export interface RunRecord {
  provenance: Provenance;
  measurements: unknown;
  outcome?: { holds: boolean; detail: string };
}

/** Pretty JSON in which NaN and Infinity stay readable as strings (JSON has neither; stringify would write null). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2);
}

export function runToJson(run: RunRecord): string {
  return toJson(run);
}

/** Every leaf of a measurement as [dotted path, value]. */
export function leaves(value: unknown, path = '', out: [string, string | number | boolean | null][] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  } else out.push([path, value as string | number | boolean | null]);
  return out;
}

function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n#]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function runToCsv(run: RunRecord): string {
  const p = run.provenance;
  const head = [
    `# experiment ${p.experiment}, claim ${p.claim}, seed ${p.seed}`,
    `# backend ${p.backend}${p.backendNote ? ` (${p.backendNote})` : ''}, TF.js ${p.tfjsVersion}, ${p.date}`,
    `# params ${JSON.stringify(p.params)}`,
    `# page ${p.page}`,
  ];
  if (run.outcome) head.push(`# claim ${run.outcome.holds ? 'holds' : 'does not hold'}: ${run.outcome.detail.replace(/\n/g, ' ')}`);
  const rows = leaves(run.measurements).map(([k, v]) => `${cell(k)},${cell(v)}`);
  return [...head, 'quantity,value', ...rows].join('\n') + '\n';
}
