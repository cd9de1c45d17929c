import { createLoketContext, type LoketContext } from '../kit/loket';
import type { Clock } from '../kit/subgraph';
import { cjgRepository, type CjgDb, type CjgDossierRecord, type CjgPart } from './repository';

export type CjgContext = LoketContext<CjgDossierRecord, CjgPart>;

export function createCjgContext({ db, clock }: { db: CjgDb; clock: Clock }): CjgContext {
  return createLoketContext(clock, cjgRepository(db).dossiers);
}
