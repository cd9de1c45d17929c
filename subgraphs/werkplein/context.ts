import type { AccessControl } from '../kit/auth/access';
import { createLoketContext, type LoketContext } from '../kit/loket';
import type { Clock } from '../kit/subgraph';
import { werkpleinRepository, type WerkpleinDb, type WerkpleinDossierRecord, type WerkpleinPart } from './repository';

export type WerkpleinContext = LoketContext<WerkpleinDossierRecord, WerkpleinPart> & { db: WerkpleinDb };

export function createWerkpleinContext({ db, ...deps }: { db: WerkpleinDb; clock: Clock; access: AccessControl }): WerkpleinContext {
  return { ...createLoketContext(deps, werkpleinRepository(db).dossiers), db };
}
