import type { DemoHuishouden } from '../demo/types';
import { insertAll, loketParts, recordRows, seedDossiers } from '../kit/loket';
import * as tables from './db/schema';
import type { WerkpleinDb } from './repository';

export async function seedWerkplein(db: WerkpleinDb, households: readonly DemoHuishouden[]): Promise<void> {
  const parts = loketParts(households, (h) => h.werkplein);
  await seedDossiers(db, tables, parts);
  await insertAll(db, tables.uitkering, recordRows(parts, (p) => p.uitkeringen));
  await insertAll(db, tables.traject, recordRows(parts, (p) => p.trajecten));
}
