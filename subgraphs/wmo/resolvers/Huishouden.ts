import { loketHuishoudenResolvers } from '../../kit/loket';
import type { WmoContext } from '../context';
import type { WmoDossierRecord, WmoPart } from '../repository';

export const Huishouden = loketHuishoudenResolvers<WmoDossierRecord, WmoPart, WmoContext>({
  loket: 'WMO',
  field: 'wmo',
  dossierType: 'WmoDossier',
  partsFor: (dossier) => (['meldingen', 'voorzieningen'] as const).filter((part) => dossier.has(part)),
});
