import { demoGebied } from '../demo/generator';
import type { DemoHuishouden } from '../demo/types';
import * as tables from './db/schema';
import type { BrpDb } from './repository';

/** Writes the gemeente's wijken and buurten once, before the first households. */
export async function seedGebied(db: BrpDb): Promise<void> {
  const gebied = demoGebied();
  const { gemeente } = gebied;
  await db
    .insert(tables.wijk)
    .values(gebied.wijken.map((w) => ({ code: w.code, naam: w.naam, gemeenteCode: gemeente.code, gemeenteNaam: gemeente.naam })))
    .onConflictDoNothing();
  await db.insert(tables.buurt).values(gebied.buurten).onConflictDoNothing();
}

export async function seedBrp(db: BrpDb, households: readonly DemoHuishouden[]): Promise<void> {
  if (households.length === 0) return;
  await seedGebied(db);
  await db.insert(tables.huishouden).values(
    households.map((h) => ({
      id: h.id,
      straat: h.straat,
      huisnummer: h.huisnummer,
      huisletter: h.huisletter,
      huisnummertoevoeging: h.huisnummertoevoeging,
      postcode: h.postcode,
      woonplaats: h.woonplaats,
      wijkCode: h.wijkCode,
      buurtCode: h.buurtCode,
      gemeenteCode: h.gemeenteCode,
    })),
  );
  await db.insert(tables.persoon).values(households.flatMap((h) => h.leden.map((p) => ({ ...p, huishoudenId: h.id, gemeenteVanInschrijving: h.gemeenteCode }))));
}
