import { checkExperiment } from './harness';

checkExperiment('e10');
