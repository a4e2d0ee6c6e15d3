// TeX → MathML at build time with Temml: the page gets plain MathML, no math JavaScript and no font.
import temml from 'temml';

export function texToMathML(tex: string, display: boolean): string {
  // throwOnError: a typo in an article's TeX fails the build instead of shipping red error text.
  return temml.renderToString(tex, { displayMode: display, throwOnError: true, annotate: true });
}
