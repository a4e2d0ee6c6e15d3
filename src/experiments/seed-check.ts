// The seed check (src/experiments/<folder>/seed-check.json): a record that every claim of an experiment held on
// every seed of its default configuration and matched its verification, at inputs with this fingerprint. The
// fingerprint hashes every file the runs' numbers can depend on (the lab, the shared experiment code, the
// experiment's own code), the TF.js packages' versions and the Node runtime. While the fingerprint and the
// verification are unchanged, the claims suite re-runs each claim on its first seed only: the same code and
// runtime give the same runs. Written by `npm run check-seeds` and `npm run verify-claims`; Node only.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { claimsFor, folderFor, type Claim } from '.';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export interface SeedCheck {
  /** The fingerprint of the inputs the runs were made with (sha-256, hex). */
  inputs: string;
  /** The sha-256 of the verification.json the runs matched. */
  verification: string;
  /** ISO date-time the check finished. */
  date: string;
  runtime: string;
  /** The seeds each claim was checked on. */
  claims: Record<string, number[]>;
}

/** Files that do not feed a run's numbers: tests and the checks' own code, docs, charts, and the records of runs. */
const notAnInput = (path: string) =>
  /\.test\.ts$|\.md$|(^|\/)(figures|check-claims|seed-check|predicate-testing)\.ts$|(^|\/)(stored-run|verification|seed-check)\.json$/.test(
    path,
  );

function filesIn(dir: string, recursive: boolean): string[] {
  return readdirSync(root + dir, { recursive })
    .map((name) => `${dir}/${String(name)}`)
    .filter((path) => statSync(root + path).isFile() && !notAnInput(path));
}

/** The files whose contents the fingerprint hashes, sorted: everything but tests, docs, figures and run records. */
export function inputFiles(experimentId: string): string[] {
  return [...filesIn('src/lab', true), ...filesIn('src/experiments', false), ...filesIn(folderFor(experimentId), true)].sort();
}

/** The versions that decide the numbers besides the files: TF.js's packages (package-lock.json) and the runtime. */
function runtimeInputs(): string {
  const lock = JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8')) as { packages: Record<string, { version?: string }> };
  const tfjs = Object.entries(lock.packages)
    .filter(([path]) => path.startsWith('node_modules/@tensorflow/'))
    .map(([path, p]) => `${path}@${p.version}`)
    .sort();
  return [...tfjs, `node ${process.versions.node} ${process.arch}`].join('\n');
}

/** The fingerprint of what an experiment's runs depend on; `read` stands in for the file system in tests. */
export function inputsFingerprint(experimentId: string, read: (path: string) => string | Buffer = (p) => readFileSync(root + p)): string {
  const hash = createHash('sha256');
  for (const path of inputFiles(experimentId)) hash.update(`${path}\0${sha256(read(path))}\n`);
  return hash.update(runtimeInputs()).digest('hex');
}

/** The sha-256 of the experiment's verification.json as it is on disk (or of `text`, about to be written). */
export const verificationHash = (experimentId: string, text?: string): string =>
  sha256(text ?? readFileSync(`${root}${folderFor(experimentId)}/verification.json`));

export const seedCheckFile = (experimentId: string): string => `${folderFor(experimentId)}/seed-check.json`;

/** A seed check's text parsed; throws naming the file and the fields missing. */
export function parseSeedCheck(file: string, text: string): SeedCheck {
  const v = JSON.parse(text) as Partial<SeedCheck>;
  const problems = (['inputs', 'verification', 'date', 'runtime'] as const).filter((k) => typeof v[k] !== 'string').map((k) => `"${k}"`);
  if (!v.claims || typeof v.claims !== 'object') problems.push('"claims"');
  if (problems.length) throw new Error(`${file}: ${problems.join(', ')} missing or malformed`);
  return v as SeedCheck;
}

/** The experiment's seed check, or undefined if none is stored. */
export function readSeedCheck(experimentId: string): SeedCheck | undefined {
  const file = seedCheckFile(experimentId);
  return existsSync(root + file) ? parseSeedCheck(file, readFileSync(root + file, 'utf8')) : undefined;
}

/** The seed check, if it was made at the inputs the files have now and against the verification stored now. */
export function currentSeedCheck(experimentId: string): SeedCheck | undefined {
  const check = readSeedCheck(experimentId);
  const current = check && check.inputs === inputsFingerprint(experimentId) && check.verification === verificationHash(experimentId);
  return current ? check : undefined;
}

/** The seed check of every claim of the experiment on all its seeds, made at `inputs` against the verification with hash `verification`. */
export function seedCheckOf(experimentId: string, inputs: string, verification: string): SeedCheck {
  const claims = Object.fromEntries(claimsFor(experimentId).map((c) => [c.id, c.seeds]));
  return { inputs, verification, date: new Date().toISOString(), runtime: `node v${process.versions.node}`, claims };
}

/**
 * The seeds of a claim's default configuration the claims suite re-runs: every seed without a current seed check;
 * with one, an each-seed claim's first (this machine computes what the check recorded) and none of a mean over seeds.
 */
export function seedsToRerun(claim: Pick<Claim<unknown>, 'mode' | 'seeds'>, check: SeedCheck | undefined): number[] {
  if (!check) return claim.seeds;
  return claim.mode === 'each-seed' ? claim.seeds.slice(0, 1) : [];
}
