/**
 * Operations as clients send them: the README's examples, used by the end-to-end tests and the benchmark,
 * so that what is documented, tested and measured is one and the same query.
 */

/**
 * The README's household picture query. Records name household members by BSN only: their names are in
 * `leden` already, and asking brp for them again would add a fetch stage.
 */
export const HUISHOUDBEELD = /* GraphQL */ `
  query Huishoudbeeld($id: ID!) {
    huishouden(id: $id) {
      id
      adres { adresregel1 adresregel2 }
      wijk { code naam }
      leden { bsn naam { volledigeNaam } geboortedatum leeftijd }
      betrokkenheid { loket sinds status contactpersoon { naam telefoon } }
      contactmomenten { id tijdstip loket kanaal onderwerp }
      wmo { meldingen { meldingsdatum status onderzoekUiterlijk termijnVerstreken } voorzieningen { productcategorie { code naam } status } }
      cjg { jeugdhulptrajecten { productcategorie { code naam } status jeugdige { bsn } } }
      werkplein { uitkeringen { norm status } trajecten { soort status } }
      casus { status team regisseur { naam telefoon } plan { doelen { domein scoreStart scoreActueel } } }
    }
  }
`;

export const REGISTER_GRONDSLAG = /* GraphQL */ `
  mutation Register($input: RegisterGrondslagInput!) {
    registerGrondslag(input: $input) { id soort domeinen actueel version }
  }
`;

/** A loket application's lookup on a phone call: who is this, where do they live, which loketten are involved. */
export const LOKET_LOOKUP = /* GraphQL */ `
  query LoketLookup($bsn: String!) {
    persoon(bsn: $bsn) {
      naam { volledigeNaam }
      huishouden { id adres { adresregel1 } betrokkenheid { loket sinds status contactpersoon { naam telefoon } } }
    }
  }
`;

/** A page of households with their contact moments (a wijk overview). */
export const HUISHOUDENS_PAGE = /* GraphQL */ `
  query HuishoudensPage($after: String) {
    huishoudens(first: 100, after: $after) {
      edges { node { id contactmomenten { tijdstip loket kanaal } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const REVOKE_GRONDSLAG = /* GraphQL */ `
  mutation Revoke($input: RevokeGrondslagInput!) {
    revokeGrondslag(input: $input) { id actueel version ingetrokkenOp }
  }
`;

/** The functionaris gegevensbescherming reads a resident's processing log. */
export const VERWERKINGEN = /* GraphQL */ `
  query Verwerkingen($bsn: String!, $van: Date, $tot: Date) {
    verwerkingen(bsn: $bsn, van: $van, tot: $tot) {
      verwerkingen { tijdstip traceId bron handeling operatie actor { sub rol organisatie } doel grondslag niveau resultaat weigering }
    }
  }
`;

/** A resident reads who processed their data. */
export const MIJN_VERWERKINGEN = /* GraphQL */ `
  query MijnVerwerkingen($van: Date, $tot: Date) {
    mijnVerwerkingen(van: $van, tot: $tot) {
      verwerkingen { tijdstip bron handeling operatie actor { rol organisatie } doel grondslag niveau resultaat }
    }
  }
`;

/** A beleidsmedewerker's dashboard: every policy figure of one gemeente and period (aggregates only). */
export const BELEIDSCIJFERS = /* GraphQL */ `
  query Beleidscijfers($gemeente: String!, $periode: PeriodeInput!) {
    beleidscijfers(gemeente: $gemeente, periode: $periode) {
      gemeente periode van tot berekendOp
      stapeling {
        code naam soort afgeschermd
        cellen { soort clienten { waarde afgeschermd } huishoudens { waarde afgeschermd } }
        naarAantalVoorzieningen { aantal clienten { waarde afgeschermd } }
      }
      kanaalgebruik { loket kanaal contactmomenten { waarde afgeschermd } }
      instroomUitstroom { loket maand beginstand { waarde afgeschermd } instroom { waarde afgeschermd } uitstroom { waarde afgeschermd } eindstand { waarde afgeschermd } }
    }
  }
`;
