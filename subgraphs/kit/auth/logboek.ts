import type { SubgraphName } from '../config';
import type { VerwerkingRow } from './log';
import type { GuardedContext } from './request';

/**
 * A resident's processing log across the hub: every subgraph serves its own entries for the
 * `Verwerkingslog` entity (key: BSN and period), and the brp subgraph merges them into one list.
 */
export interface VerwerkingslogKey {
  bsn: string;
  /** Inclusive dates (`YYYY-MM-DD`) or open. */
  van: string | null;
  tot: string | null;
}

export type Bron = Uppercase<SubgraphName>;

export interface VerwerkingValue {
  tijdstip: string;
  bron: Bron;
  [field: string]: unknown;
}

export function toVerwerking(row: VerwerkingRow, bron: Bron): VerwerkingValue {
  const { actorSub, actorRol, actorOrganisatie, tijdstip, id: _id, betrokkene: _betrokkene, ...rest } = row;
  return { ...rest, bron, tijdstip: new Date(tijdstip).toISOString(), actor: { sub: actorSub, rol: actorRol, organisatie: actorOrganisatie } };
}

/** This subgraph's entries about the resident, after checking (and logging) that the caller may read them. */
export async function ownVerwerkingen(ctx: GuardedContext, key: VerwerkingslogKey, name: SubgraphName): Promise<VerwerkingValue[]> {
  ctx.access.requireLogboek(key.bsn);
  const rows = await ctx.access.log.read(key.bsn, key.van, key.tot);
  return rows.map((row) => toVerwerking(row, name.toUpperCase() as Bron));
}

/** How a subgraph other than brp contributes: `<name>Verwerkingen` on the entity, read by the brp merge. */
export function verwerkingslogResolvers(name: Exclude<SubgraphName, 'brp'>) {
  return {
    __resolveReference: (key: VerwerkingslogKey) => key,
    [`${name}Verwerkingen`]: (key: VerwerkingslogKey, _args: unknown, ctx: GuardedContext) => ownVerwerkingen(ctx, key, name),
  };
}
