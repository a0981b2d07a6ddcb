import type { Scenario } from '../scenario.ts';
import { directory } from './directory.ts';
import { engagement } from './engagement.ts';
import { eventsScenario } from './events.ts';
import { grants } from './grants.ts';
import { home } from './home.ts';
import { insight } from './insight.ts';
import { TOOLKIT_SCENARIOS } from './toolkit.ts';

/** Every scenario `npm run bench` runs, in order. A capability adds one line. */
export const SCENARIOS: Scenario[] = [directory, engagement, grants, eventsScenario, ...TOOLKIT_SCENARIOS, home, insight];
