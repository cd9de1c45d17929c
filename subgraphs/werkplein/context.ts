import type DataLoader from 'dataloader';
import { alignByKey, loaderFamily } from '../kit/loaders';
import type { Clock } from '../kit/subgraph';
import { werkpleinRepository, type WerkpleinDb, type WerkpleinDossierRecord, type WerkpleinPart } from './repository';

export interface WerkpleinContext {
  clock: Clock;
  dossiers(parts: Iterable<WerkpleinPart>): DataLoader<string, WerkpleinDossierRecord | undefined>;
}

export function createWerkpleinContext({ db, clock }: { db: WerkpleinDb; clock: Clock }): WerkpleinContext {
  const repository = werkpleinRepository(db);
  return {
    clock,
    dossiers: loaderFamily(async (ids: readonly string[], parts: ReadonlySet<WerkpleinPart>) =>
      alignByKey(ids, await repository.dossiers(ids, parts), (row) => row.huishoudenId),
    ),
  };
}
