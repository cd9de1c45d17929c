import { createLoketContext, type LoketContext } from '../kit/loket';
import type { Clock } from '../kit/subgraph';
import { werkpleinRepository, type WerkpleinDb, type WerkpleinDossierRecord, type WerkpleinPart } from './repository';

export type WerkpleinContext = LoketContext<WerkpleinDossierRecord, WerkpleinPart>;

export function createWerkpleinContext({ db, clock }: { db: WerkpleinDb; clock: Clock }): WerkpleinContext {
  return createLoketContext(clock, werkpleinRepository(db).dossiers);
}
