import type { DemoHuishouden } from '../demo/types';
import { insertAll, recordRows, seedDossiers } from '../kit/loket';
import * as tables from './db/schema';
import type { CjgDb } from './repository';

export async function seedCjg(db: CjgDb, households: readonly DemoHuishouden[]): Promise<void> {
  const parts = households.flatMap((h) => (h.cjg ? [{ huishoudenId: h.id, ...h.cjg }] : []));
  await seedDossiers(db, tables, parts);
  await insertAll(db, tables.jeugdhulptraject, recordRows(parts, (p) => p.jeugdhulptrajecten));
}
