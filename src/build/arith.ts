// Pure arithmetic for the numeric intuitions of the answers (<Calc e="0.7^12" /> → 0.7¹² ≈ 0.014): one small
// expression language, parsed once, evaluated and written as TeX from the same tree, so the number a reader
// sees is computed from the expression shown, never typed by hand. Not for measurements: those come from runs.
//
// Grammar: numbers, + - * / ^ (right-associative, binds tighter than unary minus), parentheses, sqrt(…).

export type Node =
  | { kind: 'num'; text: string }
  | { kind: 'neg'; arg: Node }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/' | '^'; left: Node; right: Node }
  | { kind: 'sqrt'; arg: Node }
  | { kind: 'group'; arg: Node };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|(sqrt)|([-+*/^()]))/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`Calc: cannot read "${src}" at "${src.slice(at)}"`);
    out.push(m[1] ?? m[2] ?? m[3]!);
  }
  return out;
}

export function parse(src: string): Node {
  const tokens = tokenize(src);
  let i = 0;
  const peek = () => tokens[i];
  const take = (t?: string) => {
    const tok = tokens[i++];
    if (tok === undefined || (t !== undefined && tok !== t)) throw new Error(`Calc: expected ${t ?? 'more'} in "${src}"`);
    return tok;
  };
  function sum(): Node {
    let left = product();
    while (peek() === '+' || peek() === '-') left = { kind: 'bin', op: take() as '+' | '-', left, right: product() };
    return left;
  }
  function product(): Node {
    let left = unary();
    while (peek() === '*' || peek() === '/') left = { kind: 'bin', op: take() as '*' | '/', left, right: unary() };
    return left;
  }
  function unary(): Node {
    if (peek() === '-') {
      take();
      return { kind: 'neg', arg: unary() };
    }
    return power();
  }
  function power(): Node {
    const base = atom();
    if (peek() !== '^') return base;
    take();
    return { kind: 'bin', op: '^', left: base, right: unary() };
  }
  function atom(): Node {
    const t = take();
    if (t === '(') {
      const inner = sum();
      take(')');
      return { kind: 'group', arg: inner };
    }
    if (t === 'sqrt') {
      take('(');
      const inner = sum();
      take(')');
      return { kind: 'sqrt', arg: inner };
    }
    if (/^\d/.test(t)) return { kind: 'num', text: t };
    throw new Error(`Calc: unexpected "${t}" in "${src}"`);
  }
  const tree = sum();
  if (i !== tokens.length) throw new Error(`Calc: unexpected "${tokens[i]}" in "${src}"`);
  return tree;
}

export function evaluate(n: Node): number {
  switch (n.kind) {
    case 'num':
      return Number(n.text);
    case 'neg':
      return -evaluate(n.arg);
    case 'group':
      return evaluate(n.arg);
    case 'sqrt':
      return Math.sqrt(evaluate(n.arg));
    case 'bin': {
      const a = evaluate(n.left);
      const b = evaluate(n.right);
      return n.op === '+' ? a + b : n.op === '-' ? a - b : n.op === '*' ? a * b : n.op === '/' ? a / b : a ** b;
    }
  }
}

/** TeX of the expression as written: ^ as a superscript, * as a centred dot, / as a slash, sqrt as a root. */
export function toTex(n: Node): string {
  switch (n.kind) {
    case 'num':
      return n.text;
    case 'neg':
      return `-${toTex(n.arg)}`;
    case 'group':
      return `\\left(${toTex(n.arg)}\\right)`;
    case 'sqrt':
      return `\\sqrt{${toTex(n.arg)}}`;
    case 'bin':
      if (n.op === '^') return `{${toTex(n.left)}}^{${toTex(n.right)}}`;
      return `${toTex(n.left)} ${n.op === '*' ? '\\cdot' : n.op} ${toTex(n.right)}`;
  }
}

/** An integer in full; any other value rounded to `digits` significant digits, in plain decimal notation with thousands separators. */
export function formatValue(value: number, digits = 2): string {
  if (!Number.isFinite(value)) throw new Error(`Calc: the value ${value} is not a finite number`);
  // An integer is shown in full (2¹² = 4,096): rounding it would hide that it is exact.
  if (Number.isSafeInteger(value)) return value.toLocaleString('en-US');
  return Number(value.toPrecision(digits)).toLocaleString('en-US', { maximumSignificantDigits: digits });
}

export interface Calculation {
  /** TeX: the expression, then "=" when the shown value is exact, else "≈", then the value. */
  tex: string;
  value: number;
  shown: string;
  exact: boolean;
}

export function calculate(expression: string, digits = 2): Calculation {
  const tree = parse(expression);
  const value = evaluate(tree);
  const shown = formatValue(value, digits);
  const exact = Math.abs(Number(shown.replace(/,/g, '')) - value) <= 1e-12 * Math.max(1, Math.abs(value));
  // Temml reads "," in math as punctuation with a space after it: brace it to keep 4,096 tight.
  const texValue = shown.replace(/,/g, '{,}').replace(/^-/, '-');
  return { tex: `${toTex(tree)} ${exact ? '=' : '\\approx'} ${texValue}`, value, shown, exact };
}
