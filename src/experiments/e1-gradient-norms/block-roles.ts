// E1's claims read on a reader's block in the block lab (see ~/lab/experiment/block-role.ts).
import type { BlockRole } from '~/lab/experiment/block-role';

// The depth sweep feeds only the mean-over-seeds claim: one depth keeps the block lab's run short.
const skip = { depths: [1] };

export const blockRoles: BlockRole[] = [
  {
    claim: 'e1-no-residual-vanishes',
    slot: { connection: 'none', norm: 'none' },
    slotName: 'neither residual nor norm',
    question: 'Does the gradient fade on its way down (input < 1/100 of the top), as with neither residual nor norm?',
    skip,
  },
  {
    claim: 'e1-residual-without-norm-explodes',
    slot: { connection: 'residual', norm: 'none' },
    slotName: 'residual, no norm',
    question: 'Does the gradient grow on its way down (input > 1,000 × the top), as with the residual and no norm?',
    skip,
  },
  {
    claim: 'e1-residual-without-norm-explodes',
    slot: { connection: 'residual', norm: 'pre' },
    slotName: 'Pre-LN',
    question: 'Does the gradient stay within a factor of 10 from the top to the input, as with Pre-LN?',
    skip,
  },
];
