// The glossary: one short, correct definition per term. <Term id> links to /glossary/#<id> and fails the
// build for an id that is not here.
export interface GlossaryEntry {
  id: string;
  term: string;
  /** Other names readers meet for the same thing. */
  aka?: readonly string[];
  definition: string;
  /** Paper keys (src/data/papers.ts) where the idea is introduced or named. */
  cites?: readonly string[];
  /** Glossary ids worth reading next. */
  see?: readonly string[];
}

export const glossary: readonly GlossaryEntry[] = [
  {
    id: 'add-and-norm',
    term: 'Add & Norm',
    definition:
      'The step after each sublayer of the original Transformer: add the sublayer’s input to its output (a residual connection), then apply layer normalization, giving LayerNorm(x + Sublayer(x)).',
    cites: ['Vas17'],
    see: ['residual-connection', 'layer-normalization', 'post-ln'],
  },
  {
    id: 'autoregressive-decoding',
    term: 'autoregressive decoding',
    aka: ['free-running generation'],
    definition:
      'Generating a sequence one token at a time, feeding each token the model produced back in as the input for the next step. This is how a decoder runs at inference.',
    see: ['teacher-forcing', 'exposure-bias'],
  },
  {
    id: 'causal-mask',
    term: 'causal mask',
    aka: ['look-ahead mask', 'subsequent mask'],
    definition:
      'A mask on the decoder’s self-attention scores that sets every entry for a later position to minus infinity before the softmax, so position i attends only to positions up to i and cannot see the tokens it is asked to predict.',
    cites: ['Vas17'],
    see: ['shifted-right'],
  },
  {
    id: 'degradation-problem',
    term: 'degradation problem',
    definition:
      'The observation that a deeper plain network can reach a higher training error than a shallower one, although it could copy the shallow one and add identity layers. It is an optimization difficulty, not overfitting, and residual learning was proposed to fix it.',
    cites: ['He16a'],
    see: ['residual-connection'],
  },
  {
    id: 'exploding-gradients',
    term: 'exploding gradients',
    definition:
      'Gradients that grow roughly exponentially as they are propagated back through many layers (or time steps), because the backward pass multiplies many Jacobians whose norms exceed one. Updates become huge and training diverges.',
    cites: ['Ben94', 'Pas13', 'Phi17'],
    see: ['vanishing-gradients', 'jacobian'],
  },
  {
    id: 'exposure-bias',
    term: 'exposure bias',
    definition:
      'The mismatch between training with teacher forcing, where the model only ever sees ground-truth previous tokens, and inference, where it sees its own predictions; errors the model never met in training can compound along the sequence.',
    cites: ['Ran16', 'Ben15'],
    see: ['teacher-forcing', 'scheduled-sampling'],
  },
  {
    id: 'jacobian',
    term: 'Jacobian',
    definition:
      'The matrix of partial derivatives of a layer’s outputs with respect to its inputs. Backpropagation multiplies the upstream gradient by one Jacobian per layer, so a deep stack’s gradient is a product of Jacobians.',
    see: ['vanishing-gradients', 'exploding-gradients'],
  },
  {
    id: 'layer-normalization',
    term: 'layer normalization',
    aka: ['LayerNorm', 'LN'],
    definition:
      'Normalizes each token’s vector on its own: subtract the mean and divide by the standard deviation over its features, then apply a learned gain and bias. Unlike batch normalization it does not depend on the other examples in the batch.',
    cites: ['Ba16'],
    see: ['post-ln', 'pre-ln', 'rmsnorm'],
  },
  {
    id: 'multi-head-attention',
    term: 'multi-head attention',
    definition:
      'Several attention heads in parallel, each with its own learned projections of the input into queries, keys and values; their outputs are concatenated and mixed by a learned output projection. All four weight matrices are trained by backpropagation.',
    cites: ['Vas17'],
    see: ['rank-collapse'],
  },
  {
    id: 'post-ln',
    term: 'Post-LN',
    aka: ['post-layer-normalization'],
    definition:
      'The original Transformer’s placement of layer normalization: after the residual addition, LayerNorm(x + F(x)). Every token vector leaving a block is normalized, and deep Post-LN stacks usually need learning-rate warmup.',
    cites: ['Vas17', 'Xio20'],
    see: ['pre-ln', 'warmup'],
  },
  {
    id: 'pre-ln',
    term: 'Pre-LN',
    aka: ['pre-layer-normalization'],
    definition:
      'Layer normalization moved inside the residual branch, before the sublayer: x + F(LayerNorm(x)). The identity path is left untouched, which makes deep stacks trainable without warmup; most recent large language models use it (often with RMSNorm).',
    cites: ['Xio20', 'Wan19', 'He16b'],
    see: ['post-ln', 'residual-stream'],
  },
  {
    id: 'rank-collapse',
    term: 'rank collapse',
    definition:
      'In a deep stack of self-attention layers without skip connections, all token vectors converge to the same vector, so the sequence’s representation tends to rank one; for pure attention the distance to rank one shrinks doubly exponentially with depth.',
    cites: ['Don21', 'Noc22'],
    see: ['residual-connection', 'multi-head-attention'],
  },
  {
    id: 'residual-connection',
    term: 'residual connection',
    aka: ['identity shortcut'],
    definition:
      'A skip connection that adds a block’s input to its output, y = x + F(x), so the block learns a change F(x) = H(x) − x to its input rather than a whole new mapping. It adds no parameters and needs input and output of the same width.',
    cites: ['He16a', 'He16b'],
    see: ['skip-connection', 'residual-stream'],
  },
  {
    id: 'residual-stream',
    term: 'residual stream',
    definition:
      'The running sum carried through a residual network: the embedding plus every block’s output, x_L = x_0 + F_1 + … + F_L. Each block reads from it and adds to it.',
    see: ['residual-connection', 'pre-ln'],
  },
  {
    id: 'rmsnorm',
    term: 'RMSNorm',
    definition:
      'A simpler layer normalization that divides each vector by its root mean square and applies a learned gain, without subtracting the mean or adding a bias.',
    cites: ['RMS19'],
    see: ['layer-normalization', 're-centering'],
  },
  {
    id: 'scheduled-sampling',
    term: 'scheduled sampling',
    definition:
      'A training schedule that at each step feeds the model either the ground-truth previous token or its own prediction, moving from mostly ground truth towards mostly its own predictions, to reduce exposure bias.',
    cites: ['Ben15'],
    see: ['exposure-bias', 'teacher-forcing'],
  },
  {
    id: 'shifted-right',
    term: 'shifted right',
    aka: ['right shift', 'decoder input offset'],
    definition:
      'The decoder’s input during training is the target sequence moved one position to the right behind a start token, so the input at position i is target token i − 1 and the output at position i is scored against target token i.',
    cites: ['Vas17'],
    see: ['causal-mask', 'teacher-forcing'],
  },
  {
    id: 'skip-connection',
    term: 'skip connection',
    aka: ['shortcut connection'],
    definition:
      'Any connection that carries a layer’s activations past one or more layers to a later one. It may be merged by addition (a residual connection), by concatenation (DenseNet, U-Net) or through a learned gate (highway networks).',
    cites: ['He16a', 'Hua17', 'Ron15', 'Sri15'],
    see: ['residual-connection'],
  },
  {
    id: 'sublayer',
    term: 'sublayer',
    definition:
      'One of the two (encoder) or three (decoder) parts of a Transformer layer: self-attention, encoder–decoder attention, or the position-wise feed-forward network. Each is wrapped in its own residual connection and layer normalization.',
    cites: ['Vas17'],
    see: ['add-and-norm'],
  },
  {
    id: 'teacher-forcing',
    term: 'teacher forcing',
    definition:
      'Training a sequence model by feeding it the ground-truth previous outputs instead of its own predictions. In a Transformer decoder, together with the right shift and the causal mask, it is what lets every position of a sequence be trained in one parallel pass.',
    cites: ['WZ89'],
    see: ['shifted-right', 'exposure-bias'],
  },
  {
    id: 'vanishing-gradients',
    term: 'vanishing gradients',
    definition:
      'Gradients that shrink roughly exponentially as they are propagated back through many layers (or time steps), because the backward pass multiplies many Jacobians whose norms are below one. Early layers then barely learn.',
    cites: ['Ben94', 'Glo10', 'Pas13'],
    see: ['exploding-gradients', 'jacobian'],
  },
  {
    id: 'warmup',
    term: 'learning-rate warmup',
    aka: ['warmup'],
    definition:
      'Starting training with a small learning rate and raising it over the first steps to its target value. The original Transformer warms up linearly over its first 4,000 steps; later work found that Post-LN models are hard to train without it, and traced why: to Post-LN’s large gradients near the output at initialization, or to the variance of Adam’s first steps.',
    cites: ['Vas17', 'Pop18', 'Xio20', 'Liu20', 'RAdam19'],
    see: ['post-ln', 'radam'],
  },
  {
    id: 'weight-tying',
    term: 'weight tying',
    definition:
      'Using one matrix both as the input embedding and as the output projection before the softmax (transposed). The original Transformer shares it between its two embedding layers and the pre-softmax projection.',
    cites: ['PW17', 'Vas17'],
  },
  {
    id: 'amplification-effect',
    term: 'amplification effect',
    definition:
      'Liu et al.’s name for why Post-LN Transformers are hard to train: each layer leans heavily on its residual branch, so small parameter updates turn into large changes of the output early in training.',
    cites: ['Liu20'],
    see: ['post-ln', 'warmup'],
  },
  {
    id: 'cross-attention',
    term: 'cross-attention',
    aka: ['encoder–decoder attention'],
    definition:
      'The decoder’s second attention sublayer: its queries come from the decoder’s stream, its keys and values from the encoder’s output, so each target position can read the source sentence.',
    cites: ['Vas17'],
    see: ['multi-head-attention', 'sublayer'],
  },
  {
    id: 'dense-connection',
    term: 'dense connection',
    aka: ['dense connectivity'],
    definition:
      'DenseNet’s way of wiring skip connections: inside a dense block, each layer receives the concatenated feature maps of all preceding layers of the block, so a block of L layers has L(L+1)/2 direct connections. It is one kind of concatenating skip connection; U-Net’s long skip connections, which concatenate an encoder stage’s features to the matching decoder stage, also concatenate but are not dense.',
    cites: ['Hua17', 'Ron15'],
    see: ['skip-connection', 'residual-connection'],
  },
  {
    id: 'highway-network',
    term: 'highway network',
    definition:
      'A network whose layers mix a transformation and the unchanged input through a learned gate T(x): y = T(x)·H(x) + (1 − T(x))·x. A residual connection is the gate-free case that always adds both.',
    cites: ['Sri15'],
    see: ['skip-connection', 'residual-connection'],
  },
  {
    id: 'lesion-study',
    term: 'lesion study',
    definition:
      'Deleting one part of a trained network, here a whole block replaced by the identity, and measuring how much accuracy is lost. Veit et al. used it to show residual networks degrade gracefully.',
    cites: ['Vei16'],
    see: ['residual-connection'],
  },
  {
    id: 'position-wise-feed-forward',
    term: 'position-wise feed-forward network',
    aka: ['FFN', 'MLP sublayer'],
    definition:
      'The third sublayer of a decoder layer: two linear maps with a ReLU between them, applied to each position’s vector separately and identically, FFN(x) = max(0, xW₁ + b₁)W₂ + b₂.',
    cites: ['Vas17'],
    see: ['sublayer'],
  },
  {
    id: 'positional-encoding',
    term: 'positional encoding',
    aka: ['position embedding'],
    definition:
      'A vector added to each token’s embedding that tells the model the token’s position, since attention itself ignores order. The original Transformer uses fixed sines and cosines of different frequencies; learned position embeddings work about as well.',
    cites: ['Vas17'],
    see: ['residual-stream'],
  },
  {
    id: 'stream-gradient',
    term: 'stream gradient',
    definition:
      'The gradient of the loss with respect to the residual stream at one depth, ∂L/∂x_l: what reaches the blocks below from everything above. Its norm at the input against its norm at the top says whether the gradient shrinks or grows on its way down a stack.',
    see: ['residual-stream', 'vanishing-gradients', 'exploding-gradients'],
  },
  {
    id: 'gradient-clipping',
    term: 'gradient clipping',
    aka: ['norm clipping', 'clipping by global norm'],
    definition:
      'Rescaling the gradient before an update whenever its norm exceeds a threshold, g ← threshold · g/‖g‖, so that no single update is larger than the threshold allows. It bounds the step taken, not the gradient the network produces; Pascanu et al. proposed it against exploding gradients in recurrent networks.',
    cites: ['Pas13'],
    see: ['exploding-gradients'],
  },
  {
    id: 'batch-normalization',
    term: 'batch normalization',
    aka: ['BatchNorm', 'BN'],
    definition:
      'Normalizes each feature over the examples of a mini-batch: subtract the batch’s mean of that feature and divide by its standard deviation, then apply a learned gain and bias. In a sequence model the statistics are taken over every token of every sequence in the batch, so one token’s output depends on the others; at inference a running average of the training statistics usually stands in for them.',
    cites: ['Iof15'],
    see: ['layer-normalization', 'running-statistics'],
  },
  {
    id: 'running-statistics',
    term: 'running statistics',
    aka: ['population statistics', 'moving averages'],
    definition:
      'The averages of the batch means and variances that batch normalization keeps during training and uses at inference in place of a batch’s own statistics, so that one example can be processed alone. The network then normalizes with different numbers at inference than it did in training.',
    cites: ['Iof15', 'PN20'],
    see: ['batch-normalization'],
  },
  {
    id: 're-centering',
    term: 're-centering',
    aka: ['mean-centring', 'mean subtraction'],
    definition:
      'The part of layer normalization that subtracts the mean of a token’s features. It makes the output unchanged when the same constant is added to every feature. RMSNorm drops it and keeps only the re-scaling, the division by the root mean square.',
    cites: ['RMS19'],
    see: ['rmsnorm', 'layer-normalization'],
  },
  {
    id: 'dropout',
    term: 'dropout',
    aka: ['drop-out'],
    definition:
      'During training, each entry of a layer’s output is set to zero with probability p, independently at every step, and the rest are scaled by 1/(1 − p) so that the expected value is unchanged; at inference nothing is dropped. It keeps a network from relying on any one unit and so reduces overfitting.',
    cites: ['Sri14'],
    see: ['residual-dropout', 'overfitting'],
  },
  {
    id: 'residual-dropout',
    term: 'residual dropout',
    aka: ['dropout on the branch'],
    definition:
      'The original Transformer’s dropout: on the output of each sublayer, before it is added to the sublayer’s input and normalized, LN(x + Dropout(F(x))), and on the sum of the embeddings and the positional encodings. The identity path itself is never dropped.',
    cites: ['Vas17'],
    see: ['dropout', 'residual-connection'],
  },
  {
    id: 'overfitting',
    term: 'overfitting',
    aka: ['overfit', 'generalization gap'],
    definition:
      'Fitting the training examples much better than new examples of the same task: the loss on the training set keeps falling while the loss on held-out data stays high or rises. It shows most with a small training set and a model that can memorize it.',
    cites: ['Sri14'],
    see: ['dropout'],
  },
  {
    id: 'rezero',
    term: 'ReZero',
    definition:
      'A residual connection with a learned scalar gate on the branch, x + α·F(x), with α started at 0 and no normalization at all. At initialization every block is exactly the identity; training moves each α away from zero.',
    cites: ['ReZ20'],
    see: ['scaled-residual-init', 'fixup', 'residual-connection'],
  },
  {
    id: 'fixup',
    term: 'Fixup',
    aka: ['fixed-update initialization'],
    definition:
      'An initialization for residual networks without normalization: the last layer of every residual branch (and the classification layer) starts at zero, the other layers inside the branches are scaled down by a power of the number of branches, and scalar multipliers and biases are added. Each branch then starts by adding nothing to the stream.',
    cites: ['Fixup19'],
    see: ['rezero', 'scaled-residual-init'],
  },
  {
    id: 'scaled-residual-init',
    term: 'scaled residual initialization',
    aka: ['1/√N scaling', 'scaled residual projections'],
    definition:
      'Starting each residual branch smaller, so that the sum of many branches does not blow up the stream: GPT-2 scales the initial weights of the layers that write into the residual stream by 1/√N, with N the number of residual layers (common implementations count two per block, attention and feed-forward). At initialization, with zero biases, this gives the same forward pass as multiplying each branch by 1/√N.',
    cites: ['Rad19'],
    see: ['rezero', 'fixup', 'residual-stream'],
  },
  {
    id: 'adam',
    term: 'Adam',
    definition:
      'The optimizer most Transformers are trained with. Each weight’s step is the learning rate times a running mean of its gradient divided by the square root of a running mean of its squared gradient, so the step is about the learning rate in size whatever the gradient’s scale.',
    cites: ['Kin15'],
    see: ['bias-correction', 'radam', 'warmup'],
  },
  {
    id: 'bias-correction',
    term: 'bias correction',
    aka: ['initialization bias correction'],
    definition:
      'Adam’s division of its two running means by 1 − β₁ᵗ and 1 − β₂ᵗ at step t. Both means start at zero and would be too small in the first steps without it; with it, the very first step moves every weight by the full learning rate, up or down.',
    cites: ['Kin15'],
    see: ['adam', 'radam'],
  },
  {
    id: 'radam',
    term: 'RAdam',
    aka: ['Rectified Adam', 'Adam-2k'],
    definition:
      'A variant of Adam that scales each step down by how reliable its estimate of the squared gradient is, which is poor in the first steps, when it rests on few gradients. Its authors argue that this variance is what a warmup fixes, and show that estimating the squared gradient on 2,000 extra batches before training (Adam-2k) also removes the need for one in their Transformer.',
    cites: ['RAdam19'],
    see: ['adam', 'warmup'],
  },
];

const byId = new Map(glossary.map((entry) => [entry.id, entry]));

export function glossaryEntry(id: string): GlossaryEntry {
  const entry = byId.get(id);
  if (!entry) throw new Error(`unknown glossary term "${id}": add it to src/data/glossary.ts`);
  return entry;
}
