import { runSubgraph } from '../kit/main';
import { brpSubgraph } from './server';

await runSubgraph(brpSubgraph);
