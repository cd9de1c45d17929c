/**
 * The stapeling table before rounding: which persons and households used which domains, joined on
 * pseudonyms only (docs/beleid.md). The pseudonyms exist in this function's memory and nowhere else.
 */
import { decrypt, deserialize, mapInSlices, pointToText, scalarBytes } from '../kit/pep';
import type { BeleidBronnen } from '../kit/statistiek';

/** The domains as bits, and the CBS combinations they make. */
const JEUGD = 1;
const PWET = 2;
const WMO = 4;
const BRON_BIT = { cjg: JEUGD, werkplein: PWET, wmo: WMO } as const;

export const STAPELINGSOORTEN = ['TOTAAL', 'ALLEEN_JEUGD', 'ALLEEN_PWET', 'ALLEEN_WMO', 'JEUGD_EN_PWET', 'JEUGD_EN_WMO', 'PWET_EN_WMO', 'JEUGD_PWET_EN_WMO'] as const;
export type Stapelingsoort = (typeof STAPELINGSOORTEN)[number];
const SOORT_VAN_BITS: Record<number, Stapelingsoort> = {
  [JEUGD]: 'ALLEEN_JEUGD',
  [PWET]: 'ALLEEN_PWET',
  [WMO]: 'ALLEEN_WMO',
  [JEUGD | PWET]: 'JEUGD_EN_PWET',
  [JEUGD | WMO]: 'JEUGD_EN_WMO',
  [PWET | WMO]: 'PWET_EN_WMO',
  [JEUGD | PWET | WMO]: 'JEUGD_PWET_EN_WMO',
};

/** The counts of one area before rounding. */
export interface GebiedTelling {
  code: string;
  naam: string;
  soort: 'GEMEENTE' | 'WIJK';
  /** All households of the area in the BRP: whether the area is large enough to publish. */
  huishoudensInGebied: number;
  clienten: Record<Stapelingsoort, number>;
  huishoudens: Record<Stapelingsoort, number>;
  /** Clients by number of provisions: 1, 2, 3 or more. */
  naarAantalVoorzieningen: [number, number, number];
}

const zero = () => Object.fromEntries(STAPELINGSOORTEN.map((s) => [s, 0])) as Record<Stapelingsoort, number>;

function count(target: Record<Stapelingsoort, number>, bits: number): void {
  target.TOTAAL++;
  target[SOORT_VAN_BITS[bits]!]++;
}

export async function computeStapeling(bronnen: BeleidBronnen, beleidKey: bigint, gemeente: { code: string; naam: string }): Promise<GebiedTelling[]> {
  const key = scalarBytes(beleidKey);
  const open = (text: string) => pointToText(decrypt(deserialize(text), key));
  const wijkVan = new Map(await mapInSlices(bronnen.huishoudens, (h) => [open(h.huishouden), h.wijk] as const));
  const personen = new Map<string, { bits: number; voorzieningen: number; huishouden: string }>();
  const huishoudenBits = new Map<string, number>();
  for (const [bron, bit] of Object.entries(BRON_BIT) as [keyof typeof BRON_BIT, number][]) {
    const geopend = await mapInSlices(bronnen.clienten[bron], (c) => ({ persoon: open(c.persoon), huishouden: open(c.huishouden), voorzieningen: c.voorzieningen }));
    for (const client of geopend) {
      const { persoon, huishouden } = client;
      if (!wijkVan.has(huishouden)) continue; // a file on a household the BRP no longer has in this gemeente
      const known = personen.get(persoon) ?? { bits: 0, voorzieningen: 0, huishouden };
      known.bits |= bit;
      known.voorzieningen += client.voorzieningen;
      personen.set(persoon, known);
      huishoudenBits.set(huishouden, (huishoudenBits.get(huishouden) ?? 0) | bit);
    }
  }
  const gebieden = new Map<string, GebiedTelling>();
  const gebied = (code: string, naam: string, soort: GebiedTelling['soort']) => {
    let g = gebieden.get(code);
    if (!g) gebieden.set(code, (g = { code, naam, soort, huishoudensInGebied: 0, clienten: zero(), huishoudens: zero(), naarAantalVoorzieningen: [0, 0, 0] }));
    return g;
  };
  const heel = gebied(gemeente.code, gemeente.naam, 'GEMEENTE');
  for (const w of bronnen.wijken) gebied(w.code, w.naam, 'WIJK');
  for (const wijk of wijkVan.values()) {
    heel.huishoudensInGebied++;
    gebied(wijk, wijk, 'WIJK').huishoudensInGebied++;
  }
  for (const p of personen.values()) {
    for (const g of [heel, gebieden.get(wijkVan.get(p.huishouden)!)!]) {
      count(g.clienten, p.bits);
      g.naarAantalVoorzieningen[Math.min(p.voorzieningen, 3) - 1]!++;
    }
  }
  for (const [huishouden, bits] of huishoudenBits) {
    for (const g of [heel, gebieden.get(wijkVan.get(huishouden)!)!]) count(g.huishoudens, bits);
  }
  return [heel, ...[...gebieden.values()].filter((g) => g !== heel).sort((a, b) => a.code.localeCompare(b.code))];
}
