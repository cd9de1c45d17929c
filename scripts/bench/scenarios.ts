/**
 * What the benchmark asks, and as whom. Every request gets its own input (a random household, BSN or page)
 * and the token of a plausible caller: a constant body would let a gateway deduplicate and flatter itself.
 */
import { BELEIDSCIJFERS, HUISHOUDBEELD, HUISHOUDENS_PAGE, LOKET_LOOKUP } from '../../schema/operations';
import { generateHuishoudens } from '../../subgraphs/demo/generator';
import { encodeCursor } from '../../subgraphs/kit/cursor';

export interface Caller {
  rol: 'wijkteam-medewerker' | 'kcc-medewerker' | 'beleidsmedewerker';
  sub: string;
  naam: string;
  doel: string;
}

export interface BenchRequest {
  body: { query: string; variables: Record<string, unknown> };
  caller: Caller;
}

export interface Scenario {
  name: string;
  title: string;
  /** The same operation every time; only its variables and the caller vary. */
  query: string;
  next(random: () => number): BenchRequest;
}

const KCC: Caller = { rol: 'kcc-medewerker', sub: 'bench-kcc', naam: 'KCC Lindeveen', doel: 'klantcontact' };
const BELEID: Caller = { rol: 'beleidsmedewerker', sub: 'bench-beleid', naam: 'Beleid Lindeveen', doel: 'beleidsinformatie' };

/** Draws from the seeded gemeente: the same generator the seeding used, so every id and BSN exists. */
export function scenarios(households: number, seed: number): Scenario[] {
  const withCasus: { id: string; regisseur: Caller }[] = [];
  const bsns: string[] = [];
  const ids: string[] = [];
  for (const h of generateHuishoudens({ households, seed })) {
    ids.push(h.id);
    for (const p of h.leden) bsns.push(p.bsn);
    const regisseur = h.wijkteam?.casus.regisseur;
    // The wijkteam member who opens a household picture is its casus' regisseur (who sees what its Grondslag covers).
    if (regisseur) withCasus.push({ id: h.id, regisseur: { rol: 'wijkteam-medewerker', sub: regisseur.sub, naam: regisseur.naam, doel: 'integrale-aanpak' } });
  }
  ids.sort();
  const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)]!;
  return [
    {
      name: 'huishoudbeeld',
      title: 'household picture by id (README query), as its casusregisseur',
      query: HUISHOUDBEELD,
      next(random) {
        const h = pick(withCasus, random);
        return { body: { query: HUISHOUDBEELD, variables: { id: h.id } }, caller: h.regisseur };
      },
    },
    {
      name: 'loket-lookup',
      title: 'persoon(bsn) { huishouden { betrokkenheid } }, as a KCC employee',
      query: LOKET_LOOKUP,
      next: (random) => ({ body: { query: LOKET_LOOKUP, variables: { bsn: pick(bsns, random) } }, caller: KCC }),
    },
    {
      name: 'page-100',
      title: 'a page of 100 households with their contact moments, as a KCC employee',
      query: HUISHOUDENS_PAGE,
      next(random) {
        // Any position that still has 100 households after it.
        const at = Math.floor(random() * Math.max(1, ids.length - 100));
        return { body: { query: HUISHOUDENS_PAGE, variables: { after: at === 0 ? null : encodeCursor(ids[at - 1]!) } }, caller: KCC };
      },
    },
    {
      // The same question every time: a dashboard asks for the year, and is answered from the published
      // table (the benchmark has it computed first, and reports how long that took).
      name: 'beleidscijfers',
      title: 'the full beleidscijfers of a year, as a beleidsmedewerker',
      query: BELEIDSCIJFERS,
      next: () => ({ body: { query: BELEIDSCIJFERS, variables: { gemeente: 'GM9999', periode: { jaar: BELEID_JAAR } } }, caller: BELEID }),
    },
  ];
}

/** The year scenario 4 asks for: the last whole year before the demo's reference date. */
export const BELEID_JAAR = 2025;
