import { and, eq } from 'drizzle-orm';
import type { AccessControl } from '../kit/auth/access';
import type { GuardedContext } from '../kit/auth/request';
import type { Database } from '../kit/database';
import { loadBeleidKey } from '../kit/pep-config';
import type { Clock, Peers } from '../kit/subgraph';
import * as tables from './db/schema';

export type BeleidDb = Database<typeof tables>;

export interface BeleidContext extends GuardedContext {
  clock: Clock;
  peers: Peers;
  db: BeleidDb;
  beleidKey: bigint;
}

let beleidKey: bigint | undefined;

export function createBeleidContext({ db, ...deps }: { db: BeleidDb; clock: Clock; access: AccessControl; peers: Peers }): BeleidContext {
  beleidKey ??= loadBeleidKey();
  return { ...deps, db, beleidKey };
}

/** The stored table of a gemeente and period, if any: one statement. */
export async function storedPublicatie(db: BeleidDb, gemeente: string, periode: string) {
  const [row] = await db
    .select()
    .from(tables.publicatie)
    .where(and(eq(tables.publicatie.gemeenteCode, gemeente), eq(tables.publicatie.periode, periode)));
  return row;
}

export async function storePublicatie(db: BeleidDb, row: typeof tables.publicatie.$inferInsert): Promise<void> {
  await db
    .insert(tables.publicatie)
    .values(row)
    .onConflictDoUpdate({ target: [tables.publicatie.gemeenteCode, tables.publicatie.periode], set: { berekendOp: row.berekendOp, cijfers: row.cijfers } });
}
