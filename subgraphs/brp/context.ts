import type DataLoader from 'dataloader';
import { alignByKey, loaderFamily } from '../kit/loaders';
import type { Clock } from '../kit/subgraph';
import {
  brpRepository,
  type BrpDb,
  type BrpRepository,
  type HuishoudenPart,
  type HuishoudenRecord,
  type PersoonPart,
  type PersoonRecord,
} from './repository';

export interface BrpContext {
  repository: BrpRepository;
  clock: Clock;
  huishoudens(parts: Iterable<HuishoudenPart>): DataLoader<string, HuishoudenRecord | undefined>;
  personen(parts: Iterable<PersoonPart>): DataLoader<string, PersoonRecord | undefined>;
}

/** Fresh per request: loaders cache only within one request, so no one sees another request's data. */
export function createBrpContext({ db, clock }: { db: BrpDb; clock: Clock }): BrpContext {
  const repository = brpRepository(db);
  return {
    repository,
    clock,
    huishoudens: loaderFamily(async (ids: readonly string[], parts: ReadonlySet<HuishoudenPart>) =>
      alignByKey(ids, await repository.huishoudens(ids, parts), (row) => row.id),
    ),
    personen: loaderFamily(async (bsns: readonly string[], parts: ReadonlySet<PersoonPart>) =>
      alignByKey(bsns, await repository.personen(bsns, parts), (row) => row.bsn),
    ),
  };
}
