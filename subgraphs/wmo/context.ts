import { createLoketContext, type LoketContext } from '../kit/loket';
import type { Clock } from '../kit/subgraph';
import { wmoRepository, type WmoDb, type WmoDossierRecord, type WmoPart } from './repository';

export type WmoContext = LoketContext<WmoDossierRecord, WmoPart>;

export function createWmoContext({ db, clock }: { db: WmoDb; clock: Clock }): WmoContext {
  return createLoketContext(clock, wmoRepository(db).dossiers);
}
