// The Firefox harness itself: a missing browser fails with instructions (needs neither a build nor Firefox).
import { describe, expect, it } from 'vitest';
import { findFirefox, MATHML_PARSE_REPORT } from './harness.ts';

describe('findFirefox', () => {
  it('FIREFOX_PATH wins when it exists', () => {
    expect(findFirefox({ FIREFOX_PATH: process.execPath }, '/nope')).toBe(process.execPath);
  });
  it('a FIREFOX_PATH that does not exist is an error saying how to install Firefox', () => {
    expect(() => findFirefox({ FIREFOX_PATH: '/no/such/firefox' })).toThrow(
      /FIREFOX_PATH=\/no\/such\/firefox does not exist.*apt-get install -y firefox-esr/,
    );
  });
  it('no Debian Firefox is an error, never a skip', () => {
    expect(() => findFirefox({}, '/no/such/firefox-esr')).toThrow(
      /Firefox not found at \/no\/such\/firefox-esr.*apt-get install -y firefox-esr/,
    );
  });
});

describe('MathML reports while parsing', () => {
  it('matches Firefox’s wording, and nothing else', () => {
    expect(MATHML_PARSE_REPORT.test('Error: Invalid markup: Incorrect number of children for <msub/> tag.')).toBe(true);
    expect(MATHML_PARSE_REPORT.test('Error: Invalid markup: <mrow/> is not allowed here')).toBe(false);
    expect(MATHML_PARSE_REPORT.test('TypeError: x is undefined')).toBe(false);
  });
});
