/**
 * Who is signed in. The token lives in this module's memory only: never in localStorage or a cookie, so a
 * reload or a closed tab signs out (the identity provider's own session makes signing in again quick).
 * Development: a token per role from `/app/config.json`. Production: OpenID Connect, authorization code
 * with PKCE, as a public client (oauth4webapi); only the PKCE verifier and state wait in sessionStorage
 * while the browser visits the identity provider.
 */
import * as oauth from 'oauth4webapi';

export interface Ontwikkelrol {
  rol: string;
  token: string;
  doel: string;
  label: string | null;
}

export interface AppConfig {
  ontwikkeling: Ontwikkelrol[] | null;
  oidc: { issuer: string; clientId: string; scope: string } | null;
  /** Per role, the purposes of the register it may state; the first is the preset. */
  doelen: Record<string, string[]>;
}

export interface Sessie {
  token: string;
  doel: string;
  rol: string;
  naam: string;
  sub: string;
  gemeenten: string[];
  /** How to sign out at the identity provider, when signed in there. */
  afmeldUrl?: string;
}

export async function laadConfig(): Promise<AppConfig> {
  const response = await fetch('/app/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return (await response.json()) as AppConfig;
}

/** The claims of a token, read for display only: the gateway verifies it on every request. */
function claims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
}

export function sessieVoor(token: string, doel: string, afmeldUrl?: string): Sessie {
  const c = claims(token);
  return {
    token,
    doel,
    rol: String(c.rol ?? ''),
    naam: String(c.name ?? c.sub ?? ''),
    sub: String(c.sub ?? ''),
    gemeenten: Array.isArray(c.gemeenten) ? c.gemeenten.map(String) : [],
    afmeldUrl,
  };
}

const PKCE_KEY = 'loketlink.oidc';
const redirectUri = () => new URL('/app/', location.origin).href;

async function server(config: NonNullable<AppConfig['oidc']>) {
  const issuer = new URL(config.issuer);
  const options = insecure(issuer);
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, options));
  return { as, client: { client_id: config.clientId } as oauth.Client, options };
}

/** Plain http only for an identity provider on this machine (development and the tests). */
function insecure(url: URL): { [oauth.allowInsecureRequests]?: boolean } {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) ? { [oauth.allowInsecureRequests]: true } : {};
}

/** Sends the browser to the identity provider; it comes back to /app/ with a code. */
export async function startOidc(config: NonNullable<AppConfig['oidc']>): Promise<void> {
  const { as } = await server(config);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
  const url = new URL(as.authorization_endpoint!);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', config.scope);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  location.assign(url.href);
}

/** On return from the identity provider: the code for a token; null when this page load is no such return. */
export async function completeOidc(config: NonNullable<AppConfig['oidc']>, doelen: AppConfig['doelen']): Promise<Sessie | null> {
  const current = new URL(location.href);
  const waiting = sessionStorage.getItem(PKCE_KEY);
  if (!waiting || (!current.searchParams.has('code') && !current.searchParams.has('error'))) return null;
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', redirectUri() + location.hash);
  const { verifier, state } = JSON.parse(waiting) as { verifier: string; state: string };
  const { as, client, options } = await server(config);
  const params = oauth.validateAuthResponse(as, client, current, state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri(), verifier, options);
  const result = await oauth.processAuthorizationCodeResponse(as, client, response);
  const rol = String(claims(result.access_token).rol ?? '');
  const afmeld = as.end_session_endpoint ? new URL(as.end_session_endpoint) : undefined;
  if (afmeld) {
    afmeld.searchParams.set('client_id', config.clientId);
    afmeld.searchParams.set('post_logout_redirect_uri', redirectUri());
  }
  return sessieVoor(result.access_token, doelen[rol]?.[0] ?? '', afmeld?.href);
}
