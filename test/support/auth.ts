import type { RequestAuth } from '../../subgraphs/kit/auth/access';
import { loadAuthConfig } from '../../subgraphs/kit/auth/config';
import { doelenVoor } from '../../subgraphs/kit/auth/doelen';
import type { Rol } from '../../subgraphs/kit/auth/roles';
import { signDevelopmentToken } from '../../subgraphs/kit/auth/token';
import { DEMO_GEMEENTE } from '../../subgraphs/demo/generator';

/** The keys the services under test use: the development defaults, as `npm start` has them. */
export const TEST_AUTH = loadAuthConfig({});

/** The purpose a role states by default: the first the register lists for it. */
export function doelVan(rol: Rol): string {
  return doelenVoor(rol)[0]!.doel;
}

/** Who a test acts as; everything but the role has a sensible default (the demo gemeente, the role's purpose). */
export interface Caller {
  rol: Rol;
  sub?: string;
  naam?: string;
  gemeenten?: string[];
  bsn?: string;
  /** The X-Doel header; null sends none. */
  doel?: string | null;
}

function claims(caller: Caller) {
  return {
    sub: caller.sub ?? `test-${caller.rol}`,
    name: caller.naam ?? `Test ${caller.rol}`,
    rol: caller.rol,
    organisatie: caller.rol === 'inwoner' ? 'inwoner' : `Gemeente ${DEMO_GEMEENTE.naam}`,
    gemeenten: caller.gemeenten ?? [DEMO_GEMEENTE.code],
    ...(caller.bsn ? { bsn: caller.bsn } : {}),
  };
}

export async function tokenFor(caller: Caller, options: Parameters<typeof signDevelopmentToken>[2] = {}): Promise<string> {
  return signDevelopmentToken(TEST_AUTH, claims(caller), options);
}

/** The headers a client sends: the bearer token and the purpose. */
export async function headersFor(caller: Caller): Promise<Record<string, string>> {
  const doel = caller.doel === undefined ? doelVan(caller.rol) : caller.doel;
  return { authorization: `Bearer ${await tokenFor(caller)}`, ...(doel === null ? {} : { 'x-doel': doel }) };
}

/** The caller as a subgraph knows it after the gateway's checks, for in-process subgraph tests. */
export function authFor(caller: Caller, traceId = 'test-trace'): RequestAuth {
  const { name, ...rest } = claims(caller);
  return { actor: { ...rest, naam: name }, purpose: caller.doel === undefined ? doelVan(caller.rol) : caller.doel, traceId };
}
