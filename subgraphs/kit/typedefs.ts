import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import type { SubgraphName } from './config';

/** Shared SDL files in this folder, and which subgraphs include them next to their own `schema.graphql`. */
const SHARED_SDL: Record<SubgraphName, readonly ('scalars' | 'domein' | 'loket' | 'verwerking')[]> = {
  brp: ['scalars', 'verwerking'],
  wmo: ['scalars', 'domein', 'loket', 'verwerking'],
  cjg: ['scalars', 'domein', 'loket', 'verwerking'],
  werkplein: ['scalars', 'domein', 'loket', 'verwerking'],
  wijkteam: ['scalars', 'domein', 'loket', 'verwerking'],
  beleid: ['scalars', 'domein'],
};

/**
 * A subgraph's SDL: its own `schema.graphql` followed by the shared value types it uses, so the copies
 * federation needs in every subgraph come from one file and cannot drift. Paths resolve from this module,
 * never from the working directory.
 */
export function subgraphSdl(name: SubgraphName): string {
  const own = readFileSync(new URL(`../${name}/schema.graphql`, import.meta.url), 'utf8');
  const shared = SHARED_SDL[name].map((file) => readFileSync(new URL(`./${file}.graphql`, import.meta.url), 'utf8'));
  return [own, ...shared].join('\n');
}

export function subgraphTypeDefs(name: SubgraphName): DocumentNode {
  return parse(subgraphSdl(name));
}
