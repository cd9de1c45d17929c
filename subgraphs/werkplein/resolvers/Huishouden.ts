import { loketHuishoudenResolvers } from '../../kit/loket';
import type { WerkpleinContext } from '../context';
import type { WerkpleinDossierRecord, WerkpleinPart } from '../repository';

export const Huishouden = loketHuishoudenResolvers<WerkpleinDossierRecord, WerkpleinPart, WerkpleinContext>({
  loket: 'WERKPLEIN',
  field: 'werkplein',
  dossierType: 'WerkpleinDossier',
  partsFor: (dossier) => (['uitkeringen', 'trajecten'] as const).filter((part) => dossier.has(part)),
});
