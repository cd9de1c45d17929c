import type { DemoHuishouden, DemoWmo } from '../demo/types';
import { contactmomentRows, dossierRow } from '../kit/loket';
import * as tables from './db/schema';
import type { WmoDb } from './repository';

export async function seedWmo(db: WmoDb, households: readonly DemoHuishouden[]): Promise<void> {
  const involved = households.filter((h): h is DemoHuishouden & { wmo: DemoWmo } => h.wmo !== null);
  if (involved.length === 0) return;
  await db.insert(tables.dossier).values(involved.map((h) => dossierRow(h.id, h.wmo.dossier)));
  const rows = <T>(pick: (wmo: DemoWmo) => T[]) => involved.flatMap((h) => pick(h.wmo).map((r) => ({ ...r, dossierId: h.wmo.dossier.id })));
  const contactmomenten = involved.flatMap((h) => contactmomentRows(h.wmo.dossier.id, h.wmo.contactmomenten));
  if (contactmomenten.length) await db.insert(tables.contactmoment).values(contactmomenten);
  const meldingen = rows((w) => w.meldingen);
  if (meldingen.length) await db.insert(tables.melding).values(meldingen);
  const voorzieningen = rows((w) => w.voorzieningen);
  if (voorzieningen.length) await db.insert(tables.voorziening).values(voorzieningen);
}
