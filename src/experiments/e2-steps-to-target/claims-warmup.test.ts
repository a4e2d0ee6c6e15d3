import { checkExperiment } from '../check-claims';

// E2's claims about warmup (the grid: 12 trainings a seed), in a file of their own so that they run beside the rest
// of E2; the grid’s 3 trainings at its highest rate are e2-postln-needs-warmup's, trained once in this process.
checkExperiment('e2', 'warmup');
