// Search vocabulary: groups of words and phrases that a reader may type for the same thing. The search
// dialog (src/page/search.ts) tries each query also with every other member of a group in place
// of the one typed (src/page/search-expand.ts), so "leaking" finds pages that say "leaks" or "leakage",
// and "LN" finds "LayerNorm". Pagefind already stems English (leaks/leaked → leak); a group is needed where
// stemming does not join two forms (-age, -ise/-ize, -ing of some words), for British and American spellings,
// for abbreviations and for the field's synonyms. Each entry is lower case; a phrase is words separated by
// single spaces. The first member of a group is its usual form on this site.
export const SEARCH_SYNONYMS: readonly (readonly string[])[] = [
  // word forms and spellings
  ['leak', 'leaks', 'leaking', 'leakage', 'leaked'],
  ['normalize', 'normalise', 'normalizes', 'normalises', 'normalized', 'normalised', 'normalizing', 'normalising'],
  ['normalization', 'normalisation'],
  ['concatenate', 'concatenates', 'concatenation', 'concatenating', 'concat'],
  ['vanishing', 'vanish', 'vanishes'],
  ['exploding', 'explode', 'explodes', 'explosion', 'blow up', 'blows up', 'blowing up'],
  ['optimization', 'optimisation', 'optimize', 'optimise'],
  ['initialization', 'initialisation', 'init'],
  // the field's names for one thing
  ['skip connection', 'shortcut connection', 'skip', 'shortcut', 'identity path', 'bypass'],
  ['residual connection', 'residual', 'residuals'],
  ['layernorm', 'layer normalization', 'layer norm', 'ln'],
  ['pre-ln', 'pre-norm', 'prenorm', 'pre-layernorm'],
  ['post-ln', 'post-norm', 'postnorm', 'post-layernorm'],
  ['sublayer', 'sub-layer', 'sublayers'],
  ['feed-forward', 'feedforward', 'ffn', 'mlp'],
  ['multi-head attention', 'multihead attention', 'mha'],
  ['self-attention', 'self attention'],
  ['teacher forcing', 'ground truth input', 'ground-truth tokens'],
  ['shifted right', 'right shift', 'right-shifted', 'shift right', 'shifting right'],
  ['causal mask', 'look-ahead mask', 'subsequent mask', 'future mask'],
  ['rank collapse', 'token uniformity', 'oversmoothing'],
  ['gradient', 'gradients', 'grad', 'grads'],
  ['faster', 'speed up', 'quicker', 'fewer steps'],
  ['learned', 'trained', 'trainable', 'learnable'],
  ['clipping', 'clip', 'clipped', 'clips'],
  ['batchnorm', 'batch normalization', 'batch norm', 'bn'],
  ['rmsnorm', 'rms norm', 'root mean square normalization', 'rms normalization'],
  ['dropout', 'drop-out', 'drop out', 'dropping out'],
  ['overfitting', 'overfit', 'overfits', 'over-fitting', 'memorize', 'memorise', 'memorization'],
  ['held-out', 'held out', 'validation', 'test set', 'unseen'],
  ['centring', 'centering', 're-centring', 're-centering', 'recentering', 'mean subtraction'],
  ['rezero', 're-zero', 'zero-initialized gate'],
  ['warmup', 'warm-up', 'warm up', 'learning rate warmup', 'lr warmup'],
];
