import { sql } from 'drizzle-orm';
import type { DoorlooptijdBron } from '../kit/statistiek';
import * as tables from './db/schema';
import { JEUGD_BESCHIKKING_TERMIJN } from './domain/jeugdhulp';

/** The Jeugd chain's step with a legal term: the beschikking on the gemeente's route (kit/statistiek.ts). */
export const CJG_DOORLOOPTIJDEN: DoorlooptijdBron[] = [
  {
    stap: 'BESCHIKKING',
    termijn: '8 weken na de aanvraag',
    termijnBron: JEUGD_BESCHIKKING_TERMIJN.bron,
    table: tables.jeugdhulptraject,
    dossier: tables.dossier,
    dossierId: tables.jeugdhulptraject.dossierId,
    begin: tables.jeugdhulptraject.aanvraagOntvangenOp,
    gedaan: tables.jeugdhulptraject.beschikkingsdatum,
    uiterlijk: tables.jeugdhulptraject.beschikkingUiterlijk,
    vervallen: sql`null::date`,
  },
];
