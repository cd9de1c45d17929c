import { z } from 'zod';
import { ConfigError, parseEnv } from '../config';

/**
 * Keys and secrets of the access model, shared by the gateway and every subgraph. Development works out of
 * the box with the example values below; production refuses to start with any of them.
 */
export interface AuthConfig {
  /** How tokens are verified: an HS256 secret (development) or the identity provider's JWKS (production). */
  keys: { kind: 'secret'; secret: Uint8Array } | { kind: 'jwks'; url: URL };
  issuer: string;
  audience: string;
  /** HMAC key by which the gateway signs every subgraph request; subgraphs refuse requests without it. */
  gatewaySecret: Uint8Array;
  /** HMAC key by which the processing log turns a BSN into the data-subject key it stores. */
  subjectKey: Uint8Array;
}

/** The example values of `.env.example`: fine on a laptop, refused when NODE_ENV=production. */
export const EXAMPLE_SECRETS = {
  AUTH_JWT_SECRET: 'loketlink-development-secret-not-for-production',
  GATEWAY_SECRET: 'loketlink-development-gateway-secret',
  LOG_SUBJECT_KEY: 'loketlink-development-subject-key',
} as const;

const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);
const secret = (name: keyof typeof EXAMPLE_SECRETS) =>
  z.preprocess(unsetWhenEmpty, z.string().min(32, 'must be at least 32 characters').default(EXAMPLE_SECRETS[name]));

export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const parsed = parseEnv(
    z.object({
      AUTH_JWT_SECRET: secret('AUTH_JWT_SECRET'),
      AUTH_JWKS_URL: z.preprocess(unsetWhenEmpty, z.url().optional()),
      AUTH_ISSUER: z.preprocess(unsetWhenEmpty, z.string().min(1).default('loketlink-dev')),
      AUTH_AUDIENCE: z.preprocess(unsetWhenEmpty, z.string().min(1).default('loketlink')),
      GATEWAY_SECRET: secret('GATEWAY_SECRET'),
      LOG_SUBJECT_KEY: secret('LOG_SUBJECT_KEY'),
    }),
    env,
  );
  if (env.NODE_ENV === 'production') {
    const examples = (Object.keys(EXAMPLE_SECRETS) as (keyof typeof EXAMPLE_SECRETS)[]).filter(
      (name) => parsed[name] === EXAMPLE_SECRETS[name] && !(name === 'AUTH_JWT_SECRET' && parsed.AUTH_JWKS_URL),
    );
    if (examples.length) throw new ConfigError(`Invalid configuration: ${examples.join(', ')} still hold the example value; set your own secret in production`);
  }
  const bytes = (text: string) => new TextEncoder().encode(text);
  return {
    keys: parsed.AUTH_JWKS_URL ? { kind: 'jwks', url: new URL(parsed.AUTH_JWKS_URL) } : { kind: 'secret', secret: bytes(parsed.AUTH_JWT_SECRET) },
    issuer: parsed.AUTH_ISSUER,
    audience: parsed.AUTH_AUDIENCE,
    gatewaySecret: bytes(parsed.GATEWAY_SECRET),
    subjectKey: bytes(parsed.LOG_SUBJECT_KEY),
  };
}
