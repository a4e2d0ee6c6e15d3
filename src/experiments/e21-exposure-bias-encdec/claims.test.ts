import { checkExperiment } from '../check-claims';

checkExperiment('e21');
