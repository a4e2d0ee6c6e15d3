import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { headerPolicy, metaPolicy, sha256Source } from '~/build/csp';
import { THEME_SCRIPT } from '~/build/theme-script';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

test('sha256Source is the CSP hash source of the exact text', () => {
  expect(sha256Source('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  expect(sha256Source(THEME_SCRIPT)).toBe(`'sha256-${createHash('sha256').update(THEME_SCRIPT).digest('base64')}'`);
});

test('the page policy: scripts from the site, WebAssembly and the theme script only', () => {
  expect(directive(metaPolicy(), 'script-src')).toBe(`script-src 'self' 'wasm-unsafe-eval' ${sha256Source(THEME_SCRIPT)}`);
  expect(directive(metaPolicy(), 'default-src')).toBe("default-src 'self'");
  expect(metaPolicy()).not.toContain('frame-ancestors'); // ignored in a <meta>, so not written there
});

test('the header adds frame-ancestors and blob: scripts (for the worker) to the same policy', () => {
  expect(directive(headerPolicy(), 'frame-ancestors')).toBe("frame-ancestors 'none'");
  expect(directive(headerPolicy(), 'script-src')).toBe(`${directive(metaPolicy(), 'script-src')} blob:`);
});
