/**
 * `npm run pep:keys`: a fresh key set for the policy figures' pseudonymisation (docs/beleid.md), as
 * environment lines. Give each line only to the party named above it; the system key belongs in the key
 * authority's safe and in no running service (with it, the sources' ciphertexts open).
 */
import { randomBytes } from 'node:crypto';
import { deriveKeys } from '../subgraphs/kit/pep-config';

const keys = deriveKeys(randomBytes(64));
console.log(`# Every source (brp, wmo, cjg, werkplein):
PEP_PUBLIC_KEY=${keys.publicKey}
# The gateway (transcryptor):
PEP_REKEY_FACTOR=${keys.rekeyFactor}
PEP_SHUFFLE_SECRET=${keys.shuffleSecret}
# The beleid subgraph:
PEP_BELEID_KEY=${keys.beleidKey}
# The key authority's safe only, never a service:
# PEP_SYSTEM_KEY=${keys.systemKey}`);
