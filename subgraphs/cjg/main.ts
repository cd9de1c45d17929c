import { runSubgraph } from '../kit/main';
import { cjgSubgraph } from './server';

await runSubgraph(cjgSubgraph);
