import type { DemoHuishouden } from '../demo/types';
import { insertAll, loketParts, recordRows, seedDossiers } from '../kit/loket';
import * as tables from './db/schema';
import { jeugdhulptrajectRow, type CjgDb } from './repository';

/** The demo's CJG dossiers and jeugdhulptrajecten, with deadlines and open steps as the domain derives them. */
export async function seedCjg(db: CjgDb, households: readonly DemoHuishouden[]): Promise<void> {
  const parts = loketParts(households, (h) => h.cjg);
  await seedDossiers(db, tables, parts);
  await insertAll(db, tables.jeugdhulptraject, recordRows(parts, (p) => p.jeugdhulptrajecten).map((t) => jeugdhulptrajectRow(t, t.dossierId)));
}
