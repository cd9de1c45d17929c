import type { DemoHuishouden, DemoWerkplein } from '../demo/types';
import { contactmomentRows, dossierRow } from '../kit/loket';
import * as tables from './db/schema';
import type { WerkpleinDb } from './repository';

export async function seedWerkplein(db: WerkpleinDb, households: readonly DemoHuishouden[]): Promise<void> {
  const involved = households.filter((h): h is DemoHuishouden & { werkplein: DemoWerkplein } => h.werkplein !== null);
  if (involved.length === 0) return;
  await db.insert(tables.dossier).values(involved.map((h) => dossierRow(h.id, h.werkplein.dossier)));
  const contactmomenten = involved.flatMap((h) => contactmomentRows(h.werkplein.dossier.id, h.werkplein.contactmomenten));
  if (contactmomenten.length) await db.insert(tables.contactmoment).values(contactmomenten);
  const uitkeringen = involved.flatMap((h) => h.werkplein.uitkeringen.map((u) => ({ ...u, dossierId: h.werkplein.dossier.id })));
  if (uitkeringen.length) await db.insert(tables.uitkering).values(uitkeringen);
  const trajecten = involved.flatMap((h) => h.werkplein.trajecten.map((t) => ({ ...t, dossierId: h.werkplein.dossier.id })));
  if (trajecten.length) await db.insert(tables.traject).values(trajecten);
}
