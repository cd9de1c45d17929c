import { DEMO_REFERENCE_DATE } from '../../subgraphs/demo/generator';
import type { Clock } from '../../subgraphs/kit/subgraph';

/** Tests run on the demo's "today", so statuses and deadlines do not change with the calendar. */
export const TEST_NOW = new Date(`${DEMO_REFERENCE_DATE}T12:00:00Z`);
export const testClock: Clock = { now: () => TEST_NOW };
