import type { DemoHuishouden, DemoWijkteam } from '../demo/types';
import { contactmomentRows, insertAll } from '../kit/loket';
import * as tables from './db/schema';
import type { WijkteamDb } from './repository';

export async function seedWijkteam(db: WijkteamDb, households: readonly DemoHuishouden[]): Promise<void> {
  const involved = households.filter((h): h is DemoHuishouden & { wijkteam: DemoWijkteam } => h.wijkteam !== null);
  if (involved.length === 0) return;
  await db.insert(tables.casus).values(
    involved.map(({ id, gemeenteCode, leden, wijkteam: { casus } }) => ({
      id: casus.id,
      huishoudenId: id,
      gemeenteCode,
      // A casus is about the whole household: "one family, one plan".
      clienten: leden.map((p) => p.bsn),
      startdatum: casus.startdatum,
      einddatum: casus.einddatum,
      regisseurNaam: casus.regisseur.naam,
      regisseurTelefoon: casus.regisseur.telefoon,
      team: casus.team,
    })),
  );
  await insertAll(db, tables.casusLid, involved.flatMap(({ wijkteam: { casus } }) => casus.leden.map((lid) => ({ casusId: casus.id, medewerkerSub: lid.sub, naam: lid.naam, rol: lid.rol }))));
  await insertAll(
    db,
    tables.grondslag,
    involved.flatMap(({ wijkteam: { casus } }) =>
      casus.grondslagen.map((g) => ({
        ...g,
        casusId: casus.id,
        // Seeded rows are keyed by their own id: a re-seed can never collide with a client's key.
        idempotencyKey: `demo:${g.id}`,
        vastgelegdDoorSub: casus.regisseur.sub,
        vastgelegdOp: `${g.geldigVan}T09:00:00.000Z`,
      })),
    ),
  );
  const plannen = involved.flatMap(({ wijkteam: { casus } }) => (casus.plan ? [{ casus, plan: casus.plan }] : []));
  await insertAll(db, tables.plan, plannen.map(({ casus, plan }) => ({ id: plan.id, casusId: casus.id, vastgesteldOp: plan.vastgesteldOp })));
  await insertAll(db, tables.doel, plannen.flatMap(({ plan }) => plan.doelen.map((d) => ({ ...d, planId: plan.id }))));
  await insertAll(db, tables.contactmoment, involved.flatMap((h) => contactmomentRows(h.wijkteam.casus.id, h.wijkteam.contactmomenten)));
}
