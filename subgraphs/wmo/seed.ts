import type { DemoHuishouden } from '../demo/types';
import { insertAll, loketParts, recordRows, seedDossiers } from '../kit/loket';
import * as tables from './db/schema';
import type { WmoDb } from './repository';

export async function seedWmo(db: WmoDb, households: readonly DemoHuishouden[]): Promise<void> {
  const parts = loketParts(households, (h) => h.wmo);
  await seedDossiers(db, tables, parts);
  await insertAll(db, tables.melding, recordRows(parts, (p) => p.meldingen));
  await insertAll(db, tables.voorziening, recordRows(parts, (p) => p.voorzieningen));
}
