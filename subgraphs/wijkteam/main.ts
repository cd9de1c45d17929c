import { runSubgraph } from '../kit/main';
import { wijkteamSubgraph } from './server';

await runSubgraph(wijkteamSubgraph);
