import { checkExperiment } from './harness';

checkExperiment('e2');
