import { describe, expect, test } from 'vitest';
import { calculate, formatValue } from '~/build/arith';

describe('Calc arithmetic', () => {
  test('a power of a factor below one: value, rounding and TeX come from one expression', () => {
    const c = calculate('0.7^12');
    expect(c.value).toBeCloseTo(0.7 ** 12, 15);
    expect(c.shown).toBe('0.014');
    expect(c.exact).toBe(false);
    expect(c.tex).toBe('{0.7}^{12} \\approx 0.014');
  });
  test('integers are exact and keep their thousands separator tight in TeX', () => {
    expect(calculate('2^12').tex).toBe('{2}^{12} = 4{,}096');
    expect(calculate('16*512^2').tex).toBe('16 \\cdot {512}^{2} = 4{,}194{,}304');
    expect(calculate('sqrt(2^12)').tex).toBe('\\sqrt{{2}^{12}} = 64');
  });
  test('precedence: ^ before unary minus before * and / before + and -; parentheses group', () => {
    expect(calculate('-2^2').value).toBe(-4);
    expect(calculate('(1/2)^2*4 - 1').value).toBe(0);
    expect(calculate('1 + 0.5 - 0.2 + 0.3').tex).toBe('1 + 0.5 - 0.2 + 0.3 = 1.6');
    expect(calculate('2^3^2').value).toBe(512);
  });
  test('rounding to significant digits', () => {
    expect(formatValue(1.3 ** 12)).toBe('23');
    expect(formatValue(Math.SQRT2)).toBe('1.4');
    expect(formatValue(0.9 ** 48, 2)).toBe('0.0064');
    expect(formatValue(1.3 ** 30)).toBe('2,600');
  });
  test('anything else fails the build with the expression in the message', () => {
    expect(() => calculate('0.7^')).toThrow(/0\.7\^/);
    expect(() => calculate('x + 1')).toThrow(/x \+ 1/);
    expect(() => calculate('(1 + 2')).toThrow(/expected \)/);
    expect(() => calculate('1/0')).toThrow(/not a finite number/);
  });
});
