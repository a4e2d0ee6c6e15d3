import { checkExperiment } from './harness';

checkExperiment('e1');
