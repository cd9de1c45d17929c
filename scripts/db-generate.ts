/**
 * `npm run db:generate [-- <subgraph> ...]`: generates each subgraph's SQL migrations from its drizzle
 * tables with drizzle-kit, into its own `db/migrations` folder. The output is committed and applied on start.
 */
import { execFileSync } from 'node:child_process';
import { SUBGRAPHS, type SubgraphName } from '../subgraphs/kit/config';

const wanted = process.argv.slice(2);
const names = wanted.length ? (wanted as SubgraphName[]) : [...SUBGRAPHS];
for (const name of names) {
  if (!SUBGRAPHS.includes(name)) throw new Error(`unknown subgraph "${name}"; one of ${SUBGRAPHS.join(', ')}`);
  execFileSync(
    'npx',
    [
      'drizzle-kit', 'generate',
      '--dialect', 'postgresql',
      '--schema', `subgraphs/${name}/db/schema.ts`,
      '--out', `subgraphs/${name}/db/migrations`,
    ],
    { stdio: 'inherit' },
  );
}
