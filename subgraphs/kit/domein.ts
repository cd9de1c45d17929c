/**
 * The social domain's words that every loket shares: the lokets, the channels of a contact, the life
 * domains of the zelfredzaamheidsmatrix. They are the domain's, not the demo generator's: the access
 * model, the tables and the generator all import them from here (each loket's own words, such as the
 * steps of the Wmo chain, live in `subgraphs/<loket>/domain/`). The GraphQL enums of the same names are in
 * `domein.graphql` and `loket.graphql`; `domein.test.ts` keeps the two in step.
 */

export const LOKETTEN = ['WMO', 'CJG', 'WERKPLEIN', 'WIJKTEAM'] as const;
export type Loket = (typeof LOKETTEN)[number];

export const KANALEN = ['BALIE', 'TELEFOON', 'DIGITAAL', 'HUISBEZOEK', 'BRIEF'] as const;
export type Kanaal = (typeof KANALEN)[number];

/** The 13 life domains of the zelfredzaamheidsmatrix (ZRM 2017): the wijkteam's plan and the Wmo's brede intake. */
export const ZRM_DOMEINEN = [
  'FINANCIEN',
  'WERK_OPLEIDING',
  'TIJDSBESTEDING',
  'HUISVESTING',
  'HUISELIJKE_RELATIES',
  'GEESTELIJKE_GEZONDHEID',
  'LICHAMELIJKE_GEZONDHEID',
  'MIDDELENGEBRUIK',
  'BASALE_ADL',
  'INSTRUMENTELE_ADL',
  'SOCIAAL_NETWERK',
  'MAATSCHAPPELIJKE_PARTICIPATIE',
  'JUSTITIE',
] as const;
export type ZrmDomein = (typeof ZRM_DOMEINEN)[number];

/** The lokets' names as residents know them: the contact of a file the KCC opened on a loket's behalf. */
export const LOKET_NAMEN: Record<Loket, string> = {
  WMO: 'Wmo-loket',
  CJG: 'Centrum voor Jeugd en Gezin',
  WERKPLEIN: 'Werkplein',
  WIJKTEAM: 'Sociaal wijkteam',
};
