import type { GuardedContext } from './auth/request';
import { generateHuishoudens } from '../demo/generator';
import type { DemoHuishouden, DemoOptions } from '../demo/types';
import type { Database } from './database';
import type { SubgraphDefinition } from './subgraph';

const CHUNK = 1000;

/** Feeds `households` to `write` in chunks, so a large gemeente never sits in memory at once. */
export async function inChunks(households: Iterable<DemoHuishouden>, write: (chunk: DemoHuishouden[]) => Promise<void>) {
  let chunk: DemoHuishouden[] = [];
  for (const household of households) {
    chunk.push(household);
    if (chunk.length === CHUNK) {
      await write(chunk);
      chunk = [];
    }
  }
  if (chunk.length) await write(chunk);
}

/**
 * Writes this subgraph's part of the demo gemeente in one transaction: a crash half-way leaves an empty
 * store (seeded again on the next start), never a half-filled one.
 */
export async function seedSubgraph<S extends Record<string, unknown>, C extends GuardedContext>(
  definition: SubgraphDefinition<S, C>,
  db: Database<S>,
  options: DemoOptions,
): Promise<void> {
  await db.transaction(async (tx) => {
    await inChunks(generateHuishoudens(options), (chunk) => definition.seed(tx, chunk));
  });
}

/** Seeds on first start only; returns whether it did. */
export async function seedIfEmpty<S extends Record<string, unknown>, C extends GuardedContext>(
  definition: SubgraphDefinition<S, C>,
  db: Database<S>,
  options: DemoOptions,
): Promise<boolean> {
  if (options.households === 0 || !(await definition.isEmpty(db))) return false;
  await seedSubgraph(definition, db, options);
  return true;
}
