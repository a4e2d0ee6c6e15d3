// The site's name and one-line summary, shared by the page shell, llms.txt, the feed and the social cards.
export const SITE_NAME = 'Add & Norm, answered';
export const SITE_SUMMARY =
  'Answers to a learner’s questions about the Transformer decoder’s Add & Norm (the residual connection around each sublayer and the layer normalization after it), with the papers behind them and a measurement behind every claim.';
