import type { AccessControl } from '../kit/auth/access';
import { createLoketContext, type LoketContext } from '../kit/loket';
import type { Clock } from '../kit/subgraph';
import { wmoRepository, type WmoDb, type WmoDossierRecord, type WmoPart } from './repository';

export type WmoContext = LoketContext<WmoDossierRecord, WmoPart> & { db: WmoDb };

export function createWmoContext({ db, ...deps }: { db: WmoDb; clock: Clock; access: AccessControl }): WmoContext {
  return { ...createLoketContext(deps, wmoRepository(db).dossiers), db };
}
