import { kpiYear } from './contacts.js';
import { demoYear } from './demo-year.js';
import { reportYear } from './report-year.js';
import { portalFirstLoad } from './portal-first-load.js';
import { queueLogImport } from './queue-log.js';
import { requestsCreate, requestsInbox } from './requests.js';
import type { Scenario } from './types.js';
import { writeCreate } from './write-create.js';

/** Every scenario, in the order `npm run bench` runs them. */
export const SCENARIOS: Scenario[] = [writeCreate, requestsCreate, requestsInbox, queueLogImport, kpiYear, demoYear, reportYear, portalFirstLoad];
