import type DataLoader from 'dataloader';
import { alignByKey, loaderFamily } from '../kit/loaders';
import type { Clock } from '../kit/subgraph';
import { wmoRepository, type WmoDb, type WmoDossierRecord, type WmoPart } from './repository';

export interface WmoContext {
  clock: Clock;
  dossiers(parts: Iterable<WmoPart>): DataLoader<string, WmoDossierRecord | undefined>;
}

export function createWmoContext({ db, clock }: { db: WmoDb; clock: Clock }): WmoContext {
  const repository = wmoRepository(db);
  return {
    clock,
    dossiers: loaderFamily(async (ids: readonly string[], parts: ReadonlySet<WmoPart>) =>
      alignByKey(ids, await repository.dossiers(ids, parts), (row) => row.huishoudenId),
    ),
  };
}
