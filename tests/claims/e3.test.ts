import { checkExperiment } from './harness';

checkExperiment('e3');
