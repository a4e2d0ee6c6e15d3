import { checkExperiment } from './harness';

checkExperiment('e8');
