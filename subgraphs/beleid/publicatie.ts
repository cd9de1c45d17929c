/**
 * How a count becomes a published number, as CBS protects its tables (README "Policy figures"): each
 * number rounded to a multiple of 5 on its own, a number under 10 withheld, an area with too few
 * households withheld whole. The rules are here and nowhere else.
 */
import type { DoorlooptijdRij, InstroomUitstroomRij, LoketCijfers } from '../kit/statistiek';
import { STAPELINGSOORTEN, type GebiedTelling } from './stapeling';

/** Under this a number is not published. */
export const MIN_CIJFER = 10;
/** Published numbers are multiples of this. */
export const AFRONDING = 5;
/** An area (a wijk) with fewer households than this is withheld whole. */
export const MIN_HUISHOUDENS_GEBIED = 100;

export type Afscherming = 'MINDER_DAN_10' | 'GEBIED_TE_KLEIN';
export interface Cijfer {
  waarde: number | null;
  afgeschermd: Afscherming | null;
}

export function cijfer(n: number): Cijfer {
  if (n < MIN_CIJFER) return { waarde: null, afgeschermd: 'MINDER_DAN_10' };
  return { waarde: AFRONDING * Math.round(n / AFRONDING), afgeschermd: null };
}

/**
 * A statistic that is not a count (days, a percentage): published as it is, but only when it rests on at
 * least MIN_CIJFER cases, so that no one reads one person's lead time from it.
 */
export function maat(waarde: number | null, basis: number): Cijfer {
  if (basis < MIN_CIJFER || waarde === null) return { waarde: null, afgeschermd: 'MINDER_DAN_10' };
  return { waarde: Math.round(waarde), afgeschermd: null };
}

export function publiceerGebied(g: GebiedTelling) {
  const base = { code: g.code, naam: g.naam, soort: g.soort };
  if (g.huishoudensInGebied < MIN_HUISHOUDENS_GEBIED) return { ...base, cellen: null, naarAantalVoorzieningen: null, afgeschermd: 'GEBIED_TE_KLEIN' as const };
  return {
    ...base,
    cellen: STAPELINGSOORTEN.map((soort) => ({ soort, clienten: cijfer(g.clienten[soort]), huishoudens: cijfer(g.huishoudens[soort]) })),
    naarAantalVoorzieningen: g.naarAantalVoorzieningen.map((n, i) => ({ aantal: i + 1, clienten: cijfer(n) })),
    afgeschermd: null,
  };
}

export function publiceerLoketten(cijfers: LoketCijfers[]) {
  return {
    kanaalgebruik: cijfers.flatMap((l) => l.kanaalgebruik.map((k) => ({ loket: l.loket, kanaal: k.kanaal, contactmomenten: cijfer(k.aantal) }))),
    instroomUitstroom: cijfers.flatMap((l) =>
      l.instroomUitstroom.map((r: InstroomUitstroomRij) => ({
        loket: l.loket,
        maand: r.maand,
        beginstand: cijfer(r.beginstand),
        instroom: cijfer(r.instroom),
        uitstroom: cijfer(r.uitstroom),
        eindstand: cijfer(r.eindstand),
      })),
    ),
    doorlooptijden: cijfers.flatMap((l) =>
      (l.doorlooptijden ?? []).map((d: DoorlooptijdRij) => ({
        loket: l.loket,
        stap: d.stap,
        termijn: d.termijn,
        termijnBron: d.termijnBron,
        afgerond: cijfer(d.afgerond),
        mediaanDagen: maat(d.mediaanDagen, d.afgerond),
        p90Dagen: maat(d.p90Dagen, d.afgerond),
        binnenTermijnPercentage: maat(d.afgerond ? (100 * d.binnenTermijn) / d.afgerond : null, d.afgerond),
        openNaTermijn: cijfer(d.openNaTermijn),
      })),
    ),
  };
}
