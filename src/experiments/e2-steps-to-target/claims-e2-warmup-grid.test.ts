import { checkExperiment } from '../check-claims';

// E2's longest claim (16 trainings a seed), in a file of its own so that it runs beside the rest of E2.
checkExperiment('e2', 'e2-warmup-grid');
