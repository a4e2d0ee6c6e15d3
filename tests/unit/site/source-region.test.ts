// The lab source shown in the answers: a region is found between its markers, dedented, without marker lines;
// a missing region or file fails naming the file and the region.
import { describe, expect, test } from 'vitest';
import { extractRegion, sourceNote, sourceRegion } from '~/build/source-region';

const source = [
  'export function f(x: number): number {',
  '  // #region body',
  '  if (x > 0) {',
  '    // #region inner',
  '    return x;',
  '    // #endregion inner',
  '  }',
  '',
  '  return -x;',
  '  // #endregion body',
  '}',
].join('\n');

describe('extractRegion', () => {
  test('returns the lines between the markers, dedented, with no marker line (nested ones included)', () => {
    expect(extractRegion(source, 'body', 'src/lab/f.ts')).toBe('if (x > 0) {\n  return x;\n}\n\nreturn -x;');
    expect(extractRegion(source, 'inner', 'src/lab/f.ts')).toBe('return x;');
  });
  test('a region name is matched whole, not as a prefix', () => {
    expect(() => extractRegion(source, 'bod', 'src/lab/f.ts')).toThrow('src/lab/f.ts has no region "bod"');
  });
  test('a missing, unclosed or empty region names the file and the region', () => {
    expect(() => extractRegion(source, 'nope', 'src/lab/f.ts')).toThrow('src/lab/f.ts has no region "nope" (a line `// #region nope`)');
    expect(() => extractRegion('// #region open\nx;', 'open', 'src/lab/g.ts')).toThrow('src/lab/g.ts: region "open" is never closed');
    expect(() => extractRegion('// #region e\n\n// #endregion e', 'e', 'src/lab/h.ts')).toThrow('src/lab/h.ts: region "e" is empty');
  });
});

describe('sourceRegion', () => {
  test('reads a lab file by its repository path', () => {
    expect(sourceRegion('src/lab/connection.ts', 'wrap-sublayer')).toMatch(/^export function wrapSublayer\(/);
  });
  test('an unknown file is named', () => {
    expect(() => sourceRegion('src/lab/nope.ts', 'x')).toThrow(/^no source file src\/lab\/nope\.ts/);
  });
});

describe('sourceNote', () => {
  test('says the lab runs its code, and that the reference file is the tested public-API form of a kernel', () => {
    expect(sourceNote('src/lab/connection.ts')).toBe('the code the lab runs');
    expect(sourceNote('src/lab/reference.ts')).toMatch(/^what the lab's fused kernel computes, in the public tf API/);
  });
});
