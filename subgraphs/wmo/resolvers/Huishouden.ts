import { loketHuishoudenResolvers, STAPPEN } from '../../kit/loket';
import { toOpenStap, type OpenStapValue } from '../../kit/stappen';
import type { WmoContext } from '../context';
import type { WmoDossierRecord, WmoPart } from '../repository';

/** The open steps of a file: on its meldingen, its voorzieningen and the aanbieders' verzoeken. */
function openStappen(dossier: WmoDossierRecord, vandaag: string): OpenStapValue[] {
  const records = [...(dossier.meldingen ?? []), ...(dossier.voorzieningen ?? []), ...(dossier.verzoeken ?? [])];
  return records.flatMap((r) => toOpenStap(r, 'WMO', vandaag) ?? []);
}

export const Huishouden = loketHuishoudenResolvers<WmoDossierRecord, WmoPart, WmoContext>({
  loket: 'WMO',
  field: 'wmo',
  dossierType: 'WmoDossier',
  partsFor: (dossier) => {
    const parts = (['meldingen', 'voorzieningen'] as const).filter((part) => dossier.has(part)) as WmoPart[];
    if (dossier.has('verzoekenOmToewijzing')) parts.push('verzoeken');
    return parts;
  },
  stapParts: [STAPPEN],
  openStappen,
});
