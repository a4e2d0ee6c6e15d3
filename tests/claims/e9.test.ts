import { checkExperiment } from './harness';

checkExperiment('e9');
