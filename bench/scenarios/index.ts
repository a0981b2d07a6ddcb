import type { Scenario } from '../scenario.ts';
import { directory } from './directory.ts';
import { grants } from './grants.ts';

/** Every scenario `npm run bench` runs, in order. A capability adds one line. */
export const SCENARIOS: Scenario[] = [directory, grants];
