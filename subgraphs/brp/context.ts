import DataLoader from 'dataloader';
import type { AccessControl } from '../kit/auth/access';
import type { GuardedContext } from '../kit/auth/request';
import { alignByKey, loaderFamily } from '../kit/loaders';
import type { Clock } from '../kit/subgraph';
import { brpRepository, type BrpDb, type BrpRepository, type HuishoudenRecord, type PersoonPart, type PersoonRecord } from './repository';

export interface BrpContext extends GuardedContext {
  repository: BrpRepository;
  clock: Clock;
  huishoudens: DataLoader<string, HuishoudenRecord | undefined>;
  personen(parts: Iterable<PersoonPart>): DataLoader<string, PersoonRecord | undefined>;
}

/** Fresh per request: loaders cache only within one request, so no one sees another request's data. */
export function createBrpContext({ db, ...deps }: { db: BrpDb; clock: Clock; access: AccessControl }): BrpContext {
  const repository = brpRepository(db);
  return {
    ...deps,
    repository,
    huishoudens: new DataLoader(async (ids: readonly string[]) => alignByKey(ids, await repository.huishoudens(ids), (row) => row.id)),
    personen: loaderFamily(async (bsns: readonly string[], parts: ReadonlySet<PersoonPart>) =>
      alignByKey(bsns, await repository.personen(bsns, parts), (row) => row.bsn),
    ),
  };
}
