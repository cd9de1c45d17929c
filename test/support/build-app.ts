/**
 * Vitest's global setup for the end-to-end tests: the web application is built once (when its sources are
 * newer than app/dist) before any test file starts, so no two files build it at the same time.
 */
import { ensureAppBuilt } from '../../app/build';

export default async function setup(): Promise<void> {
  await ensureAppBuilt();
}
