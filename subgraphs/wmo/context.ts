import DataLoader from 'dataloader';
import type { AccessControl } from '../kit/auth/access';
import { groupByKey } from '../kit/loaders';
import { createLoketContext, type LoketContext } from '../kit/loket';
import type { Clock, Peers } from '../kit/subgraph';
import { wmoRepository, type VoorzieningRow, type WmoDb, type WmoDossierRecord, type WmoPart, type WmoRepository } from './repository';

export type WmoContext = LoketContext<WmoDossierRecord, WmoPart> & {
  db: WmoDb;
  peers: Peers;
  repository: WmoRepository;
  /** The voorzieningen each melding's beschikking granted, batched per request. */
  voorzieningenPerMelding: DataLoader<string, VoorzieningRow[]>;
};

export function createWmoContext({ db, peers, ...deps }: { db: WmoDb; clock: Clock; access: AccessControl; peers: Peers }): WmoContext {
  const repository = wmoRepository(db);
  return {
    ...createLoketContext(deps, repository.dossiers),
    db,
    peers,
    repository,
    voorzieningenPerMelding: new DataLoader(async (ids: readonly string[]) => groupByKey(ids, await repository.voorzieningenVanMeldingen(ids), (v) => v.meldingId!)),
  };
}
