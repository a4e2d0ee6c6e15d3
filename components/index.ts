// The components every MDX question may use without importing them (passed to <Content components>).
import BlockLab from './BlockLab.astro';
import Calc from './Calc.astro';
import Cite from './Cite.astro';
import DecoderLayerDiagram from './DecoderLayerDiagram.astro';
import Evidence from './Evidence.astro';
import H2 from './H2.astro';
import H3 from './H3.astro';
import H4 from './H4.astro';
import M from './M.astro';
import SourceCode from './SourceCode.astro';
import Term from './Term.astro';
import ThreadContext from './ThreadContext.astro';
import TranslateYourself from './TranslateYourself.astro';
import Verdict from './Verdict.astro';

export const mdxComponents = {
  M,
  BlockLab,
  Calc,
  Cite,
  Verdict,
  Evidence,
  Term,
  DecoderLayerDiagram,
  ThreadContext,
  SourceCode,
  TranslateYourself,
  h2: H2,
  h3: H3,
  h4: H4,
};
