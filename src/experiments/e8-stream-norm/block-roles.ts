// E8's claims read on a reader's block in the block lab (see ~/lab/experiment/block-role.ts).
import type { BlockRole } from '~/lab/experiment/block-role';

export const blockRoles: BlockRole[] = [
  {
    claim: 'e8-stream-grows-with-depth',
    slot: { connection: 'residual', norm: 'pre' },
    slotName: 'Pre-LN',
    question: 'Does the stream grow with depth (last block ≥ 1.5 × the first), as in Pre-LN?',
  },
  {
    claim: 'e8-postln-input-fades',
    slot: { connection: 'residual', norm: 'post' },
    slotName: 'Post-LN',
    question: 'Does each token’s own input fade from the stream (coefficient < 0.25 in the upper half), as in Post-LN?',
  },
  {
    claim: 'e8-postln-input-fades',
    slot: { connection: 'residual', norm: 'pre' },
    slotName: 'Pre-LN',
    question: 'Does each token’s own input pass every block at about its size (coefficient within [0.5, 2]), as in Pre-LN?',
  },
];
