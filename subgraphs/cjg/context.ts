import type DataLoader from 'dataloader';
import { alignByKey, loaderFamily } from '../kit/loaders';
import type { Clock } from '../kit/subgraph';
import { cjgRepository, type CjgDb, type CjgDossierRecord, type CjgPart } from './repository';

export interface CjgContext {
  clock: Clock;
  dossiers(parts: Iterable<CjgPart>): DataLoader<string, CjgDossierRecord | undefined>;
}

export function createCjgContext({ db, clock }: { db: CjgDb; clock: Clock }): CjgContext {
  const repository = cjgRepository(db);
  return {
    clock,
    dossiers: loaderFamily(async (ids: readonly string[], parts: ReadonlySet<CjgPart>) =>
      alignByKey(ids, await repository.dossiers(ids, parts), (row) => row.huishoudenId),
    ),
  };
}
