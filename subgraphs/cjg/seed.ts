import type { DemoCjg, DemoHuishouden } from '../demo/types';
import { contactmomentRows, dossierRow } from '../kit/loket';
import * as tables from './db/schema';
import type { CjgDb } from './repository';

export async function seedCjg(db: CjgDb, households: readonly DemoHuishouden[]): Promise<void> {
  const involved = households.filter((h): h is DemoHuishouden & { cjg: DemoCjg } => h.cjg !== null);
  if (involved.length === 0) return;
  await db.insert(tables.dossier).values(involved.map((h) => dossierRow(h.id, h.cjg.dossier)));
  const contactmomenten = involved.flatMap((h) => contactmomentRows(h.cjg.dossier.id, h.cjg.contactmomenten));
  if (contactmomenten.length) await db.insert(tables.contactmoment).values(contactmomenten);
  const trajecten = involved.flatMap((h) => h.cjg.jeugdhulptrajecten.map((t) => ({ ...t, dossierId: h.cjg.dossier.id })));
  if (trajecten.length) await db.insert(tables.jeugdhulptraject).values(trajecten);
}
