import type { DemoHuishouden } from '../demo/types';
import { insertAll, loketParts, recordRows, seedDossiers } from '../kit/loket';
import * as tables from './db/schema';
import { meldingRow, toewijzingRow, verzoekRow, voorzieningRow } from './repository';
import type { WmoDb } from './repository';

/** The demo's Wmo chains, with their terms and open steps as the domain derives them (repository.ts). */
export async function seedWmo(db: WmoDb, households: readonly DemoHuishouden[]): Promise<void> {
  const parts = loketParts(households, (h) => h.wmo);
  await seedDossiers(db, tables, parts);
  await insertAll(db, tables.melding, recordRows(parts, (p) => p.meldingen).map((m) => meldingRow(m, m.dossierId)));
  const voorzieningen = recordRows(parts, (p) => p.voorzieningen);
  await insertAll(db, tables.voorziening, voorzieningen.map((v) => voorzieningRow(v, v.dossierId)));
  await insertAll(db, tables.toewijzing, voorzieningen.flatMap((v) => v.toewijzingen.map((t) => toewijzingRow(t, v))));
  await insertAll(db, tables.verzoekOmToewijzing, recordRows(parts, (p) => p.verzoeken).map((v) => verzoekRow(v, v.dossierId)));
}
