import type { AccessControl } from '../kit/auth/access';
import { createLoketContext, type LoketContext } from '../kit/loket';
import type { Clock, Peers } from '../kit/subgraph';
import { cjgRepository, type CjgDb, type CjgDossierRecord, type CjgPart, type CjgRepository } from './repository';

export type CjgContext = LoketContext<CjgDossierRecord, CjgPart> & { db: CjgDb; peers: Peers; repository: CjgRepository };

export function createCjgContext({ db, peers, ...deps }: { db: CjgDb; clock: Clock; access: AccessControl; peers: Peers }): CjgContext {
  const repository = cjgRepository(db);
  return { ...createLoketContext(deps, repository.dossiers), db, peers, repository };
}
