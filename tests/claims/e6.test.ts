import { checkExperiment } from './harness';

checkExperiment('e6');
