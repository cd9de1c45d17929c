import { runSubgraph } from '../kit/main';
import { wmoSubgraph } from './server';

await runSubgraph(wmoSubgraph);
