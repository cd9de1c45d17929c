import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { isValidBsn } from '../bsn';
import { ErrorCode } from '../errors';
import type { AuthConfig } from './config';
import { doelenVoor } from './doelen';
import { ROLLEN, type Rol } from './roles';

/** Who is asking: the claims of a verified token. */
export interface Actor {
  sub: string;
  naam: string;
  rol: Rol;
  organisatie: string;
  /** CBS codes of the gemeenten the caller works for (a Werkplein or ISD may serve several). */
  gemeenten: readonly string[];
  /** Only for `inwoner`: the resident's own BSN. */
  bsn?: string;
}

const GEMEENTE_CODE = /^GM\d{4}$/;

const claimsSchema = z
  .object({
    sub: z.string().min(1),
    name: z.string().min(1),
    rol: z.enum(ROLLEN),
    organisatie: z.string().min(1),
    gemeenten: z.array(z.string().regex(GEMEENTE_CODE, 'must be CBS codes like GM9999')).default([]),
    bsn: z.string().refine(isValidBsn, 'must be a valid BSN').optional(),
  })
  .refine((c) => c.rol !== 'inwoner' || c.bsn, { message: 'an inwoner token needs claim "bsn"', path: ['bsn'] })
  .refine((c) => c.rol === 'inwoner' || c.gemeenten.length > 0, { message: 'needs at least one gemeente', path: ['gemeenten'] });

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

/** Verifies bearer tokens against the configured key; one verifier per process (the JWKS is cached by jose). */
export function tokenVerifier(config: AuthConfig) {
  const key: Uint8Array | JWTVerifyGetKey = config.keys.kind === 'secret' ? config.keys.secret : createRemoteJWKSet(config.keys.url);
  const algorithms = config.keys.kind === 'secret' ? ['HS256'] : ['RS256', 'PS256', 'ES256', 'EdDSA'];
  // The same token arrives with every fetch of a request and with every request of a session: remember
  // a verified one until it expires. Keyed by the whole token, so a changed byte is a different entry.
  const verified = new Map<string, { actor: Actor; expiresAt: number }>();
  return async function verify(authorization: string | undefined): Promise<Actor> {
    if (!authorization) throw unauthenticated('Send a token: Authorization: Bearer <jwt>');
    const token = authorization.match(/^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/)?.[1];
    if (!token) throw unauthenticated('The token is malformed: send Authorization: Bearer <header>.<payload>.<signature> (a JWT)');
    const known = verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.actor;
    const entry = await verifyUncached(token);
    if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!); // the oldest
    verified.set(token, entry);
    return entry.actor;
  };

  async function verifyUncached(token: string): Promise<{ actor: Actor; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      // `exp` is required: a token without an end is a key that never expires.
      ({ payload } = await jwtVerify(token, key as Uint8Array, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw unauthenticated(describe(error));
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) {
      const problem = claims.error.issues.map((i) => `${i.path.join('.') || 'claims'}: ${i.message}`).join('; ');
      throw unauthenticated(`The token's claims are not usable: ${problem}`);
    }
    const { name, ...rest } = claims.data;
    return { actor: { ...rest, naam: name }, expiresAt: payload.exp! * 1000 }; // `exp` is a required claim
  }
}

const VERIFIED_TOKENS_KEPT = 10_000;
export type TokenVerifier = ReturnType<typeof tokenVerifier>;

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `The token's "${error.claim}" claim is not accepted here`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is not valid';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'The token is malformed: it is not a JWT that can be read';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm that is not accepted here';
  return 'The token is not valid';
}

export interface TokenClaims {
  sub: string;
  name: string;
  rol: Rol;
  organisatie: string;
  gemeenten: string[];
  bsn?: string;
}

/** A development token signed with the HS256 secret (`npm run token`, tests). */
export async function signDevelopmentToken(
  config: AuthConfig,
  claims: TokenClaims,
  options: { expiresIn?: string | number; audience?: string; secret?: Uint8Array } = {},
): Promise<string> {
  const secret = options.secret ?? (config.keys.kind === 'secret' ? config.keys.secret : undefined);
  if (!secret) throw new Error('Development tokens need AUTH_JWT_SECRET; with AUTH_JWKS_URL set, get tokens from your identity provider');
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(config.issuer)
    .setAudience(options.audience ?? config.audience)
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(secret);
}

export interface TokenRequest {
  rol: Rol;
  gemeenten: string[];
  sub?: string;
  naam?: string;
  bsn?: string;
  uren?: number;
}

/** A signed token and the purpose its role states by default (the first the register lists for it). */
export async function developmentToken(config: AuthConfig, request: TokenRequest): Promise<{ token: string; doel: string }> {
  const token = await signDevelopmentToken(
    config,
    {
      sub: request.sub ?? `dev-${request.rol}`,
      name: request.naam ?? `Ontwikkelaar (${request.rol})`,
      rol: request.rol,
      organisatie: request.rol === 'inwoner' ? 'inwoner' : 'LoketLink ontwikkelomgeving',
      gemeenten: request.gemeenten,
      ...(request.bsn ? { bsn: request.bsn } : {}),
    },
    { expiresIn: `${request.uren ?? 8}h` },
  );
  return { token, doel: doelenVoor(request.rol)[0]!.doel };
}
