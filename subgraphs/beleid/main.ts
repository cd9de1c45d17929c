import { runSubgraph } from '../kit/main';
import { loadBeleidKey } from '../kit/pep-config';
import { beleidSubgraph } from './server';

loadBeleidKey(); // a missing or development key in production stops the service here, not at the first question
await runSubgraph(beleidSubgraph);
