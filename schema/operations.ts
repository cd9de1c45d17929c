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
      betrokkenheid { loket sinds status contactpersoon { naam telefoon } openStappen { stap sinds uiterlijk termijnVerstreken behandelaar } }
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
      doorlooptijden {
        loket stap termijn termijnBron afgerond { waarde afgeschermd } mediaanDagen { waarde afgeschermd } p90Dagen { waarde afgeschermd }
        binnenTermijnPercentage { waarde afgeschermd } openNaTermijn { waarde afgeschermd }
      }
    }
  }
`;

// The Wmo chain as a loket application sends it (README "Writes: the Wmo chain").

export const REGISTER_WMO_MELDING = /* GraphQL */ `
  mutation RegisterWmoMelding($input: RegisterWmoMeldingInput!) {
    registerWmoMelding(input: $input) {
      meldingId meldingsdatum onderzoekUiterlijk persoonlijkPlanUiterlijk clientondersteuningGewenst
      melding { id status version }
    }
  }
`;

export const START_WMO_ONDERZOEK = /* GraphQL */ `
  mutation StartWmoOnderzoek($input: StartWmoOnderzoekInput!) {
    startWmoOnderzoek(input: $input) { id status version }
  }
`;

export const RECORD_WMO_VERSLAG = /* GraphQL */ `
  mutation RecordWmoVerslag($input: RecordWmoVerslagInput!) {
    recordWmoVerslag(input: $input) { id status version onderzoek { gespreksdatum verslagVerstuurdOp bevindingen { domein bevinding } } }
  }
`;

export const REGISTER_WMO_AANVRAAG = /* GraphQL */ `
  mutation RegisterWmoAanvraag($input: RegisterWmoAanvraagInput!) {
    registerWmoAanvraag(input: $input) { id status version behandelaar aanvraag { ontvangenOp beschikkingUiterlijk } }
  }
`;

export const RECORD_WMO_BESCHIKKING = /* GraphQL */ `
  mutation RecordWmoBeschikking($input: RecordWmoBeschikkingInput!) {
    recordWmoBeschikking(input: $input) {
      id status version
      beschikking { datum besluit voorzieningen { id processtatus version openStap { stap uiterlijk } } }
    }
  }
`;

export const ASSIGN_WMO_TOEWIJZING = /* GraphQL */ `
  mutation AssignWmoToewijzing($input: AssignWmoToewijzingInput!) {
    assignWmoToewijzing(input: $input) {
      id processtatus version
      toewijzingen { toewijzingnummer aanbieder { agbCode naam } toewijzingsdatum ingangsdatum omvang { volume eenheid frequentie } }
    }
  }
`;

export const START_WMO_LEVERING = /* GraphQL */ `
  mutation StartWmoLevering($input: StartWmoLeveringInput!) {
    startWmoLevering(input: $input) { id processtatus version }
  }
`;

export const REGISTER_WMO_CONTACTMOMENT = /* GraphQL */ `
  mutation RegisterWmoContactmoment($input: RegisterContactmomentInput!) {
    registerWmoContactmoment(input: $input) { id tijdstip loket kanaal onderwerp }
  }
`;

/** What a work list shows of each open step (the Wmo's and the CJG's are one shape). */
const WERKVOORRAAD_PAGINA = 'items { stap { id stap sinds uiterlijk termijnVerstreken dagenResterend behandelaar } huishouden { id } client { bsn } onderwerp } hasNextPage endCursor';

/** The Wmo-loket's work list: open steps by deadline. */
export const WMO_WERKVOORRAAD = /* GraphQL */ `
  query WmoWerkvoorraad($filter: WerkvoorraadFilter, $first: Int!, $after: String) {
    wmoWerkvoorraad(filter: $filter, first: $first, after: $after) { ${WERKVOORRAAD_PAGINA} }
  }
`;

// The Jeugd chain.

const JEUGDHULPTRAJECT = 'id processtatus version verwijzer openStap { stap uiterlijk } aanvraag { beschikkingUiterlijk }';

export const REGISTER_JEUGDHULP_VERWIJZING = /* GraphQL */ `
  mutation RegisterJeugdhulpVerwijzing($input: RegisterJeugdhulpVerwijzingInput!) {
    registerJeugdhulpVerwijzing(input: $input) { ${JEUGDHULPTRAJECT} }
  }
`;

export const RECORD_JEUGDHULP_BESCHIKKING = /* GraphQL */ `
  mutation RecordJeugdhulpBeschikking($input: RecordJeugdhulpBeschikkingInput!) {
    recordJeugdhulpBeschikking(input: $input) { ${JEUGDHULPTRAJECT} beschikking { datum besluit } }
  }
`;

export const ASSIGN_JEUGDHULP_TOEWIJZING = /* GraphQL */ `
  mutation AssignJeugdhulpToewijzing($input: AssignJeugdhulpToewijzingInput!) {
    assignJeugdhulpToewijzing(input: $input) { ${JEUGDHULPTRAJECT} toewijzing { toewijzingnummer aanbieder { agbCode naam } ingangsdatum } }
  }
`;

export const START_JEUGDHULP = /* GraphQL */ `
  mutation StartJeugdhulp($input: StartJeugdhulpInput!) {
    startJeugdhulp(input: $input) { ${JEUGDHULPTRAJECT} startdatum }
  }
`;

export const STOP_JEUGDHULP = /* GraphQL */ `
  mutation StopJeugdhulp($input: StopJeugdhulpInput!) {
    stopJeugdhulp(input: $input) { ${JEUGDHULPTRAJECT} einddatum redenBeeindiging }
  }
`;

export const REGISTER_CJG_CONTACTMOMENT = /* GraphQL */ `
  mutation RegisterCjgContactmoment($input: RegisterContactmomentInput!) {
    registerCjgContactmoment(input: $input) { id tijdstip loket kanaal onderwerp }
  }
`;

export const CJG_WERKVOORRAAD = /* GraphQL */ `
  query CjgWerkvoorraad($filter: WerkvoorraadFilter, $first: Int!, $after: String) {
    cjgWerkvoorraad(filter: $filter, first: $first, after: $after) { ${WERKVOORRAAD_PAGINA} }
  }
`;
