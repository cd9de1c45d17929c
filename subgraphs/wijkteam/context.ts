import type DataLoader from 'dataloader';
import type { AccessControl } from '../kit/auth/access';
import type { GuardedContext } from '../kit/auth/request';
import { groupByKey, loaderFamily } from '../kit/loaders';
import type { Clock } from '../kit/subgraph';
import { wijkteamRepository, type CasusRecord, type WijkteamDb, type WijkteamPart, type WijkteamRepository } from './repository';

export interface WijkteamContext extends GuardedContext {
  clock: Clock;
  db: WijkteamDb;
  repository: WijkteamRepository;
  /** Per household id: all its casussen, newest first (empty when none). */
  casussen(parts: Iterable<WijkteamPart>): DataLoader<string, CasusRecord[] | undefined>;
}

export function createWijkteamContext({ db, ...deps }: { db: WijkteamDb; clock: Clock; access: AccessControl }): WijkteamContext {
  const repository = wijkteamRepository(db);
  return {
    ...deps,
    db,
    repository,
    casussen: loaderFamily(async (ids: readonly string[], parts: ReadonlySet<WijkteamPart>) =>
      groupByKey(ids, await repository.casussen(ids, parts), (row) => row.huishoudenId),
    ),
  };
}
