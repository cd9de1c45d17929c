import { loketHuishoudenResolvers } from '../../kit/loket';
import type { CjgContext } from '../context';
import type { CjgDossierRecord, CjgPart } from '../repository';

export const Huishouden = loketHuishoudenResolvers<CjgDossierRecord, CjgPart, CjgContext>({
  loket: 'CJG',
  field: 'cjg',
  dossierType: 'CjgDossier',
  partsFor: (dossier) => (dossier.has('jeugdhulptrajecten') ? ['jeugdhulptrajecten'] : []),
});
