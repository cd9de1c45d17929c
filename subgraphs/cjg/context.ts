import type { AccessControl } from '../kit/auth/access';
import { createLoketContext, type LoketContext } from '../kit/loket';
import type { Clock } from '../kit/subgraph';
import { cjgRepository, type CjgDb, type CjgDossierRecord, type CjgPart } from './repository';

export type CjgContext = LoketContext<CjgDossierRecord, CjgPart> & { db: CjgDb };

export function createCjgContext({ db, ...deps }: { db: CjgDb; clock: Clock; access: AccessControl }): CjgContext {
  return { ...createLoketContext(deps, cjgRepository(db).dossiers), db };
}
