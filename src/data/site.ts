// The site's name and summary: one name for it in the pages, the feeds, llms.txt, the cards and the README.
export const SITE_NAME = 'Add & Norm, measured';

/** The site in one sentence, for llms.txt, the feed and the social cards. */
export const SITE_SUMMARY =
  'Answers to a learner’s questions about the Transformer decoder’s Add & Norm (the residual connection around each sublayer and the layer normalization after it), with the papers behind them and a measurement behind every claim.';
