import { z } from 'zod';
import { ConfigError, parseEnv } from './config';
import { deriveScalar, pep, pointFromText, publicKey, scalarFromText, scalarToText, pointToText } from './pep';

/**
 * The keys of the polymorphic pseudonymisation (kit/pep.ts, docs/beleid.md). Each party gets only its own:
 * - every source (brp, the lokets): `PEP_PUBLIC_KEY`, the system's public key Y = y·G;
 * - the transcryptor (in the gateway process): `PEP_REKEY_FACTOR` k and `PEP_SHUFFLE_SECRET`, from which
 *   each period's factor n is derived;
 * - the beleid service: `PEP_BELEID_KEY`, k·y, with which it opens what the transcryptor rekeyed for it.
 * y itself is held by no running service: `npm run pep:keys` makes a set and prints y for the key
 * authority's safe. Development derives a fixed set from a public example seed; production refuses it.
 */
export interface PepKeys {
  publicKey: string;
  rekeyFactor: string;
  shuffleSecret: string;
  beleidKey: string;
}

const DEVELOPMENT_SEED = new TextEncoder().encode('loketlink-development-pep-seed-not-for-production');

/** A key set derived from `seed` (development: the example seed), and y for the key authority. */
export function deriveKeys(seed: Uint8Array): PepKeys & { systemKey: string } {
  const y = deriveScalar(seed, 'y');
  const k = deriveScalar(seed, 'k');
  return {
    systemKey: scalarToText(y),
    publicKey: pointToText(publicKey(y)),
    rekeyFactor: scalarToText(k),
    shuffleSecret: Buffer.from(scalarToText(deriveScalar(seed, 'shuffle')), 'hex').toString('base64url'),
    beleidKey: scalarToText(pep.mod(k * y)),
  };
}

export const DEVELOPMENT_PEP_KEYS = deriveKeys(DEVELOPMENT_SEED);

const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);

function load(env: NodeJS.ProcessEnv): PepKeys {
  const parsed = parseEnv(
    z.object({
      PEP_PUBLIC_KEY: z.preprocess(unsetWhenEmpty, z.string().default(DEVELOPMENT_PEP_KEYS.publicKey)),
      PEP_REKEY_FACTOR: z.preprocess(unsetWhenEmpty, z.string().default(DEVELOPMENT_PEP_KEYS.rekeyFactor)),
      PEP_SHUFFLE_SECRET: z.preprocess(unsetWhenEmpty, z.string().min(32, 'must be at least 32 characters').default(DEVELOPMENT_PEP_KEYS.shuffleSecret)),
      PEP_BELEID_KEY: z.preprocess(unsetWhenEmpty, z.string().default(DEVELOPMENT_PEP_KEYS.beleidKey)),
    }),
    env,
  );
  return { publicKey: parsed.PEP_PUBLIC_KEY, rekeyFactor: parsed.PEP_REKEY_FACTOR, shuffleSecret: parsed.PEP_SHUFFLE_SECRET, beleidKey: parsed.PEP_BELEID_KEY };
}

/** One party's key from the environment: malformed, or the development value in production, stops start-up. */
function partyKey<T>(env: NodeJS.ProcessEnv, name: keyof PepKeys, variable: string, parse: (text: string) => T): T {
  const text = load(env)[name];
  if (env.NODE_ENV === 'production' && text === DEVELOPMENT_PEP_KEYS[name]) {
    throw new ConfigError(`Invalid configuration: ${variable} still holds the development value; run npm run pep:keys`);
  }
  try {
    return parse(text);
  } catch (error) {
    throw new ConfigError(`Invalid configuration: ${variable}: ${(error as Error).message}`);
  }
}

/** A source's key: the public key. */
export function loadPepPublicKey(env: NodeJS.ProcessEnv = process.env) {
  return partyKey(env, 'publicKey', 'PEP_PUBLIC_KEY', pointFromText);
}

export function loadTranscryptorKeys(env: NodeJS.ProcessEnv = process.env) {
  return {
    rekey: partyKey(env, 'rekeyFactor', 'PEP_REKEY_FACTOR', scalarFromText),
    shuffleSecret: partyKey(env, 'shuffleSecret', 'PEP_SHUFFLE_SECRET', (text) => new TextEncoder().encode(text)),
  };
}

export function loadBeleidKey(env: NodeJS.ProcessEnv = process.env): bigint {
  return partyKey(env, 'beleidKey', 'PEP_BELEID_KEY', scalarFromText);
}
