import { loketHuishoudenResolvers, STAPPEN } from '../../kit/loket';
import { toOpenStap } from '../../kit/stappen';
import type { CjgContext } from '../context';
import type { CjgDossierRecord, CjgPart } from '../repository';

export const Huishouden = loketHuishoudenResolvers<CjgDossierRecord, CjgPart, CjgContext>({
  loket: 'CJG',
  field: 'cjg',
  dossierType: 'CjgDossier',
  partsFor: (dossier) => (dossier.has('jeugdhulptrajecten') ? ['jeugdhulptrajecten'] : []),
  stapParts: [STAPPEN],
  openStappen: (dossier, vandaag) => (dossier.jeugdhulptrajecten ?? []).flatMap((t) => toOpenStap(t, 'CJG', vandaag) ?? []),
});
