/**
 * The shape of the synthetic demo gemeente, as the generator yields it.
 *
 * One `DemoHuishouden` carries everything every subgraph needs for one household; each subgraph's seeder
 * takes only its own part (brp the address and persons, wmo its dossier and records, ...). Because the
 * generator is deterministic, subgraphs seeded in separate processes still describe the same gemeente.
 *
 * Dates are ISO strings: `YYYY-MM-DD` for a date, full ISO-8601 with offset for a moment (`tijdstip`).
 */

import type { JeugdhulpStatus, Verwijzer } from '../cjg/domain/jeugdhulp';
import type { Kanaal, Loket, ZrmDomein } from '../kit/domein';
import type { Eenheid, Frequentie, Leveringsvorm } from '../kit/istandaarden';
import type { MeldingStatus } from '../wmo/domain/melding';
import type { VerzoekStatus, VoorzieningStatus } from '../wmo/domain/voorziening';

export type { Kanaal, Loket, ZrmDomein };

/** Haal Centraal BRP geslacht codes. */
export type Geslacht = 'M' | 'V' | 'O';

export interface DemoGemeente {
  /** CBS code, e.g. `GM9999` (a code CBS does not use, so it can never be a real gemeente). */
  code: string;
  naam: string;
}

export interface DemoWijk {
  /** CBS wijk code: `WK` + 4-digit gemeente number + 2-digit wijk number, e.g. `WK999901`. */
  code: string;
  naam: string;
  gemeenteCode: string;
}

export interface DemoBuurt {
  /** CBS buurt code: `BU` + 4-digit gemeente number + wijk + 2-digit buurt number, e.g. `BU99990103`. */
  code: string;
  naam: string;
  wijkCode: string;
}

export interface DemoGebied {
  gemeente: DemoGemeente;
  wijken: DemoWijk[];
  buurten: DemoBuurt[];
}

export interface DemoPersoon {
  /** 9 digits, always from the test range 999xxxxxx and passing the 11-proef. */
  bsn: string;
  voornamen: string;
  voorvoegsel: string | null;
  geslachtsnaam: string;
  geboortedatum: string;
  geslacht: Geslacht;
}

export interface DemoContactpersoon {
  naam: string;
  telefoon: string;
}

/** A loket's file on one household: when it was opened and closed, and whom to call. */
export interface DemoDossier {
  id: string;
  geopendOp: string;
  geslotenOp: string | null;
  contactpersoon: DemoContactpersoon;
}

export interface DemoContactmoment {
  id: string;
  tijdstip: string;
  kanaal: Kanaal;
  onderwerp: string;
  notitie: string;
  medewerker: string;
  /** The household member it was about, if one. */
  bsn: string | null;
}

/** The resident's melding and how far its chain has come (subgraphs/wmo/domain/melding.ts); the terms follow from the dates. */
export interface DemoMelding {
  id: string;
  bsn: string;
  meldingsdatum: string;
  kanaal: Kanaal;
  onderwerp: string;
  status: MeldingStatus;
  clientondersteuningGewenst: boolean;
  onderzoekGestartOp: string | null;
  gespreksdatum: string | null;
  gesprekskanaal: Kanaal | null;
  bevindingen: { domein: ZrmDomein; bevinding: string }[];
  verslagVerstuurdOp: string | null;
  aanvraagOntvangenOp: string | null;
  beschikkingsdatum: string | null;
  besluit: 'TOEGEKEND' | 'AFGEWEZEN' | null;
  redenAfwijzing: string | null;
  ingetrokkenOp: string | null;
  redenIntrekking: string | null;
  /** Who handles it: the consulent of the last step. */
  behandelaar: string;
}

export interface DemoOmvang {
  volume: number;
  eenheid: Eenheid;
  frequentie: Frequentie;
}

export interface DemoAanbieder {
  agbCode: string;
  naam: string;
}

/** A toewijzing (iWmo 301) and the levering the aanbieder reported (305, 307). */
export interface DemoToewijzing {
  id: string;
  aanbieder: DemoAanbieder;
  toewijzingsdatum: string;
  ingangsdatum: string;
  einddatum: string | null;
  leveringBegindatum: string | null;
  leveringEinddatum: string | null;
  redenBeeindiging: string | null;
}

export interface DemoWmoVoorziening {
  id: string;
  bsn: string;
  /** The melding whose beschikking granted it. */
  meldingId: string;
  /** iWmo productcategorie, `01`..`18`. */
  productcategorie: string;
  productcode: string | null;
  omvang: DemoOmvang;
  leveringsvorm: Leveringsvorm;
  ingangsdatum: string;
  einddatum: string | null;
  status: VoorzieningStatus;
  statusSinds: string;
  redenBeeindiging: string | null;
  toewijzingen: DemoToewijzing[];
}

/** An aanbieder's verzoek om toewijzing (iWmo 315), open or answered. */
export interface DemoVerzoekOmToewijzing {
  id: string;
  bsn: string;
  voorzieningId: string;
  aanbieder: DemoAanbieder;
  ontvangenOp: string;
  status: VerzoekStatus;
  beantwoordOp: string | null;
}

/** One jeugdige's traject and how far its chain has come (subgraphs/cjg/domain/jeugdhulp.ts). */
export interface DemoJeugdhulptraject {
  id: string;
  bsn: string;
  /** iJw productcategorie (JZ020), e.g. `45` Jeugdhulp ambulant. */
  productcategorie: string;
  omvang: DemoOmvang;
  status: JeugdhulpStatus;
  statusSinds: string;
  verwijzer: Verwijzer;
  verwijsdatum: string;
  aanvraagOntvangenOp: string | null;
  beschikkingsdatum: string | null;
  besluit: 'TOEGEKEND' | 'AFGEWEZEN' | null;
  ingangsdatum: string | null;
  geldigTot: string | null;
  aanbieder: DemoAanbieder | null;
  toewijzingsdatum: string | null;
  toewijzingIngangsdatum: string | null;
  /** When the care started and stopped (iJw 305, 307): the traject counts as jeugdhulp in between. */
  startdatum: string | null;
  einddatum: string | null;
  redenBeeindiging: string | null;
  behandelaar: string;
}

export type Bijstandsnorm = 'ALLEENSTAANDE' | 'ALLEENSTAANDE_OUDER' | 'GEHUWDEN';

export interface DemoUitkering {
  id: string;
  bsn: string;
  regeling: 'PARTICIPATIEWET';
  norm: Bijstandsnorm;
  ingangsdatum: string;
  einddatum: string | null;
}

export type TrajectSoort = 'REINTEGRATIE' | 'SCHULDHULP';

export interface DemoTraject {
  id: string;
  bsn: string;
  soort: TrajectSoort;
  startdatum: string;
  einddatum: string | null;
}

export interface DemoPlanDoel {
  id: string;
  domein: ZrmDomein;
  /** ZRM score 1 (acute) to 5 (fully self-reliant) when the plan was made. */
  scoreStart: number;
  /** ZRM score at the latest evaluation. */
  scoreActueel: number;
  omschrijving: string;
}

export interface DemoPlan {
  id: string;
  vastgesteldOp: string;
  doelen: DemoPlanDoel[];
}

/** A wijkteam member as the identity provider knows them: `sub` is the token subject. */
export interface DemoMedewerker extends DemoContactpersoon {
  sub: string;
}

export interface DemoCasusLid {
  sub: string;
  naam: string;
  rol: 'REGISSEUR' | 'TEAMLID';
}

/** A registered legal basis for sharing other lokets' records with the casus. */
export interface DemoGrondslag {
  id: string;
  soort: 'TOESTEMMING' | 'INTEGRALE_AANPAK';
  domeinen: Loket[];
  geldigVan: string;
  geldigTot: string | null;
  toelichting: string;
  vastgelegdDoor: string;
}

export interface DemoCasus {
  id: string;
  startdatum: string;
  einddatum: string | null;
  regisseur: DemoMedewerker;
  team: string;
  /** The regisseur and the team members who work on the casus (and so may see what a Grondslag covers). */
  leden: DemoCasusLid[];
  grondslagen: DemoGrondslag[];
  plan: DemoPlan | null;
}

export interface DemoWmo {
  dossier: DemoDossier;
  meldingen: DemoMelding[];
  voorzieningen: DemoWmoVoorziening[];
  verzoeken: DemoVerzoekOmToewijzing[];
  contactmomenten: DemoContactmoment[];
}

export interface DemoCjg {
  dossier: DemoDossier;
  jeugdhulptrajecten: DemoJeugdhulptraject[];
  contactmomenten: DemoContactmoment[];
}

export interface DemoWerkplein {
  dossier: DemoDossier;
  uitkeringen: DemoUitkering[];
  trajecten: DemoTraject[];
  contactmomenten: DemoContactmoment[];
}

export interface DemoWijkteam {
  casus: DemoCasus;
  contactmomenten: DemoContactmoment[];
}

export interface DemoHuishouden {
  /** 16 digits shaped like a BAG verblijfsobject id: gemeente number, `01`, 10-digit sequence. */
  id: string;
  straat: string;
  huisnummer: number;
  huisletter: string | null;
  huisnummertoevoeging: string | null;
  postcode: string;
  woonplaats: string;
  gemeenteCode: string;
  wijkCode: string;
  buurtCode: string;
  leden: DemoPersoon[];
  wmo: DemoWmo | null;
  cjg: DemoCjg | null;
  werkplein: DemoWerkplein | null;
  wijkteam: DemoWijkteam | null;
}

export interface DemoOptions {
  households: number;
  seed: number;
  /** The demo's "today"; all dates are relative to it so the output does not depend on the clock. */
  referenceDate?: string;
}
