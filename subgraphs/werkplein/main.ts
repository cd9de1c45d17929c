import { runSubgraph } from '../kit/main';
import { werkpleinSubgraph } from './server';

await runSubgraph(werkpleinSubgraph);
