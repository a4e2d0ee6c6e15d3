import { checkExperiment } from './harness';

checkExperiment('e7');
