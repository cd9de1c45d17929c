/**
 * A small OpenID Connect provider for the tests, on this machine: discovery, a login page where a person
 * picks who they are, the authorization code flow with PKCE (S256 only), a JWKS, and sign-out. It issues
 * the access tokens a gemeente's identity provider would (RS256, LoketLink's claims), so the gateway
 * verifies them against the JWKS exactly as in production. Not a product: just enough of the protocol for
 * the web application's real sign-in to run in a browser.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

export interface OidcUser {
  /** What the login page shows. */
  label: string;
  claims: { sub: string; name: string; rol: string; organisatie: string; gemeenten: string[]; bsn?: string };
}

export interface TestOidcProvider {
  issuer: string;
  jwksUrl: string;
  clientId: string;
  audience: string;
  close(): Promise<void>;
}

interface Pending {
  redirectUri: string;
  challenge: string;
  user: OidcUser;
  clientId: string;
}

const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type, authorization, accept', 'access-control-allow-methods': 'GET, POST' };

export async function startOidcProvider(users: Record<string, OidcUser>, options: { clientId: string; audience: string }): Promise<TestOidcProvider> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, Pending>();
  let issuer = '';

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...CORS, ...headers });
    res.end(JSON.stringify(body));
  };

  async function token(req: IncomingMessage, res: ServerResponse) {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const form = new URLSearchParams(raw);
    const pending = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (!pending || form.get('grant_type') !== 'authorization_code' || form.get('redirect_uri') !== pending.redirectUri || form.get('client_id') !== pending.clientId || challenge !== pending.challenge) {
      return send(res, 400, { error: 'invalid_grant' });
    }
    const accessToken = await new SignJWT({ ...pending.user.claims })
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid! })
      .setIssuer(issuer)
      .setAudience(options.audience)
      .setSubject(pending.user.claims.sub)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    send(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: 3600, scope: 'openid' });
  }

  function loginPage(url: URL, res: ServerResponse) {
    const hidden = ['client_id', 'redirect_uri', 'state', 'code_challenge'].map((name) => `<input type="hidden" name="${name}" value="${url.searchParams.get(name) ?? ''}">`).join('');
    const options = Object.entries(users).map(([key, u]) => `<option value="${key}">${u.label}</option>`).join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="nl"><title>Inloggen bij de gemeente (test)</title><form method="get" action="/login">${hidden}<label for="gebruiker">Gebruiker</label><select id="gebruiker" name="gebruiker">${options}</select><button type="submit">Inloggen</button></form></html>`);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (req.method === 'OPTIONS') return void (res.writeHead(204, CORS), res.end());
    if (url.pathname === '/.well-known/openid-configuration') {
      return send(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        end_session_endpoint: `${issuer}/logout`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['none'],
      });
    }
    if (url.pathname === '/jwks') return send(res, 200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      if (url.searchParams.get('response_type') !== 'code' || url.searchParams.get('code_challenge_method') !== 'S256' || url.searchParams.get('client_id') !== options.clientId) {
        return send(res, 400, { error: 'invalid_request' });
      }
      return loginPage(url, res);
    }
    if (url.pathname === '/login') {
      const code = randomUUID();
      const user = users[url.searchParams.get('gebruiker') ?? ''];
      if (!user) return send(res, 400, { error: 'unknown user' });
      codes.set(code, { redirectUri: url.searchParams.get('redirect_uri')!, challenge: url.searchParams.get('code_challenge')!, user, clientId: url.searchParams.get('client_id')! });
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { location: back.href });
      return void res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') return void token(req, res);
    if (url.pathname === '/logout') {
      res.writeHead(302, { location: url.searchParams.get('post_logout_redirect_uri') ?? '/' });
      return void res.end();
    }
    send(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    clientId: options.clientId,
    audience: options.audience,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}
