/**
 * Composes every subgraph's SDL into the supergraph the gateway serves. `npm run compose` writes
 * `schema/supergraph.graphql`; a test fails when the committed file is stale or composition reports an
 * error or an unexpected hint.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { DEFAULT_PORTS, SUBGRAPHS } from '../subgraphs/kit/config';
import { subgraphTypeDefs } from '../subgraphs/kit/typedefs';

export const SUPERGRAPH_PATH = fileURLToPath(new URL('./supergraph.graphql', import.meta.url));

/** The URL written into the supergraph for a subgraph; the gateway can override each with `<NAME>_URL`. */
export function defaultSubgraphUrl(name: (typeof SUBGRAPHS)[number]): string {
  return `http://localhost:${DEFAULT_PORTS[name]}/graphql`;
}

export function composeSupergraph(): { supergraphSdl: string; hints: string[] } {
  const result = composeServices(
    SUBGRAPHS.map((name) => ({ name, url: defaultSubgraphUrl(name), typeDefs: subgraphTypeDefs(name) })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((h) => `${h.definition.code}: ${h.message}`) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { supergraphSdl, hints } = composeSupergraph();
  for (const hint of hints) console.warn(`hint ${hint}`);
  writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
  console.log(`wrote ${SUPERGRAPH_PATH}`);
}
