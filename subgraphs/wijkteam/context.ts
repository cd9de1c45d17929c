import type DataLoader from 'dataloader';
import { groupByKey, loaderFamily } from '../kit/loaders';
import type { Clock } from '../kit/subgraph';
import { wijkteamRepository, type CasusRecord, type WijkteamDb, type WijkteamPart } from './repository';

export interface WijkteamContext {
  clock: Clock;
  /** Per household id: all its casussen, newest first (empty when none). */
  casussen(parts: Iterable<WijkteamPart>): DataLoader<string, CasusRecord[] | undefined>;
}

export function createWijkteamContext({ db, clock }: { db: WijkteamDb; clock: Clock }): WijkteamContext {
  const repository = wijkteamRepository(db);
  return {
    clock,
    casussen: loaderFamily(async (ids: readonly string[], parts: ReadonlySet<WijkteamPart>) =>
      groupByKey(ids, await repository.casussen(ids, parts), (row) => row.huishoudenId),
    ),
  };
}
