// /claims.json as built from the registry: it validates against the published schema, lists every registered
// claim once, and carries the stored runs exactly as stored (measurements and provenance).
import { readdirSync, readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, test } from 'vitest';
import { claims, folderFor } from '~/experiments';
import { claimsDocument } from '~/build/reach/claims-document';
import schema from '~/build/reach/claims.schema.json';

const contentDir = new URL('../../../content/', import.meta.url);
const questions = readdirSync(contentDir)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => ({ id: f.replace(/\.mdx$/, ''), text: readFileSync(new URL(f, contentDir), 'utf8') }));
const doc = claimsDocument(questions, 'https://example.org/');
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const stored = (exp: string) => JSON.parse(readFileSync(new URL(`../../../${folderFor(exp)}/stored-run.json`, import.meta.url), 'utf8'));

describe('claims.json', () => {
  test('validates against claims.schema.json', () => {
    const ok = validate(JSON.parse(JSON.stringify(doc)));
    expect(validate.errors ?? [], 'schema errors').toEqual([]);
    expect(ok).toBe(true);
  });
  test('the schema rejects a claim without its statement or with an unknown field', () => {
    const bad = JSON.parse(JSON.stringify(doc));
    delete bad.claims[0].statement;
    bad.claims[1].extra = 1;
    expect(validate(bad)).toBe(false);
    expect(validate.errors!.map((e) => `${e.instancePath} ${e.message}`).join('; ')).toMatch(
      /\/claims\/0 must have required property 'statement'.*\/claims\/1 must NOT have additional properties/,
    );
  });
  test('lists every registered claim once, in registry order', () => {
    expect(doc.claims.map((c) => c.id)).toEqual(claims.map((c) => c.id));
  });
  test.each(doc.claims.map((c) => [c.id, c] as const))('%s matches its stored reference run', (_id, c) => {
    const ref = stored(c.experiment.id);
    expect(c.runs).toHaveLength(1);
    expect(c.runs[0]!.seed).toBe(ref.provenance.seed);
    expect(c.runs[0]!.measurements).toEqual(ref.measurements);
    const { experiment, seed, commit, dirty, date, tfjsVersion, backend, runtime } = ref.provenance;
    expect(c.provenance).toEqual({ experiment, seed, commit, dirty, date, tfjsVersion, backend, runtime });
    const covered =
      JSON.stringify(Object.entries(c.params).sort()) === JSON.stringify(Object.entries(ref.provenance.params).sort()) &&
      c.seeds.includes(seed);
    expect(typeof c.runs[0]!.holds, 'holds is decided exactly when the stored run is one the claim covers').toBe(
      covered ? 'boolean' : 'object',
    );
    if (c.verification) expect(c.verification.configurations[0]).toMatchObject({ kind: 'default', params: c.params, seeds: c.seeds });
  });
  test('a page that shows an unregistered claim fails naming its file', () => {
    expect(() => claimsDocument([{ id: 'q', text: '<Evidence claim="nope" />' }], 'https://example.org/')).toThrow(
      'content/q.mdx: <Evidence claim="nope">: no such claim in src/lab/claims.ts',
    );
  });
});
