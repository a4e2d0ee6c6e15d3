import { checkExperiment } from './harness';

checkExperiment('e5');
