import type { DemoHuishouden, DemoWijkteam } from '../demo/types';
import { contactmomentRows } from '../kit/loket';
import * as tables from './db/schema';
import type { WijkteamDb } from './repository';

export async function seedWijkteam(db: WijkteamDb, households: readonly DemoHuishouden[]): Promise<void> {
  const involved = households.filter((h): h is DemoHuishouden & { wijkteam: DemoWijkteam } => h.wijkteam !== null);
  if (involved.length === 0) return;
  await db.insert(tables.casus).values(
    involved.map(({ id, wijkteam: { casus } }) => ({
      id: casus.id,
      huishoudenId: id,
      startdatum: casus.startdatum,
      einddatum: casus.einddatum,
      regisseurNaam: casus.regisseur.naam,
      regisseurTelefoon: casus.regisseur.telefoon,
      team: casus.team,
    })),
  );
  const plannen = involved.flatMap(({ wijkteam: { casus } }) => (casus.plan ? [{ casus, plan: casus.plan }] : []));
  if (plannen.length) {
    await db.insert(tables.plan).values(plannen.map(({ casus, plan }) => ({ id: plan.id, casusId: casus.id, vastgesteldOp: plan.vastgesteldOp })));
    const doelen = plannen.flatMap(({ plan }) => plan.doelen.map((d) => ({ ...d, planId: plan.id })));
    if (doelen.length) await db.insert(tables.doel).values(doelen);
  }
  const contactmomenten = involved.flatMap((h) => contactmomentRows(h.wijkteam.casus.id, h.wijkteam.contactmomenten));
  if (contactmomenten.length) await db.insert(tables.contactmoment).values(contactmomenten);
}
