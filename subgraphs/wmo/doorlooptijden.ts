import { sql } from 'drizzle-orm';
import type { DoorlooptijdBron } from '../kit/statistiek';
import * as tables from './db/schema';
import { WMO_TERMIJNEN } from './domain/melding';
import { VERZOEK_TERMIJN } from './domain/voorziening';

/** The Wmo's steps with a legal term, for the policy figures' lead times (kit/statistiek.ts). */
export const WMO_DOORLOOPTIJDEN: DoorlooptijdBron[] = [
  {
    stap: 'ONDERZOEK',
    termijn: '6 weken na de melding',
    termijnBron: WMO_TERMIJNEN.onderzoek.bron,
    table: tables.melding,
    dossier: tables.dossier,
    dossierId: tables.melding.dossierId,
    begin: tables.melding.meldingsdatum,
    gedaan: tables.melding.verslagVerstuurdOp,
    uiterlijk: tables.melding.onderzoekUiterlijk,
    // Withdrawn, or an aanvraag without the onderzoek once its six weeks had passed (art. 2.3.2 lid 9).
    vervallen: sql`least(${tables.melding.ingetrokkenOp}, ${tables.melding.aanvraagOntvangenOp})`,
  },
  {
    stap: 'BESCHIKKING',
    termijn: '2 weken na de aanvraag',
    termijnBron: WMO_TERMIJNEN.beschikking.bron,
    table: tables.melding,
    dossier: tables.dossier,
    dossierId: tables.melding.dossierId,
    begin: tables.melding.aanvraagOntvangenOp,
    gedaan: tables.melding.beschikkingsdatum,
    uiterlijk: tables.melding.beschikkingUiterlijk,
    vervallen: sql`${tables.melding.ingetrokkenOp}`,
  },
  {
    stap: 'VERZOEK_OM_TOEWIJZING',
    termijn: '5 werkdagen na ontvangst',
    termijnBron: VERZOEK_TERMIJN.bron,
    table: tables.verzoekOmToewijzing,
    dossier: tables.dossier,
    dossierId: tables.verzoekOmToewijzing.dossierId,
    begin: tables.verzoekOmToewijzing.ontvangenOp,
    gedaan: tables.verzoekOmToewijzing.beantwoordOp,
    uiterlijk: tables.verzoekOmToewijzing.antwoordUiterlijk,
    vervallen: sql`null::date`,
  },
];
