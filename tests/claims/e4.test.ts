import { checkExperiment } from './harness';

checkExperiment('e4');
