/**
 * The web application (app/) on the gateway's own origin, under `/app/`: the built files of `app/dist`,
 * and `/app/config.json`, which tells the page how to sign in. Same origin as GraphQL, so no CORS; the
 * page's Content-Security-Policy lets it talk to this origin and, in production, to the identity provider
 * only: nothing else is loaded or called.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { APP_DIST } from '../app/build';
import { ROLLEN, type Rol } from '../subgraphs/kit/auth/roles';
import { doelenVoor } from '../subgraphs/kit/auth/doelen';
import { ErrorCode } from '../subgraphs/kit/errors';
import { errorBody, sendJson } from '../subgraphs/kit/http';
import type { ExplorerRole } from './explorer';

export const APP_PATH = '/app';

/** OpenID Connect against the gemeente's identity provider: authorization code with PKCE, a public client. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  scope: string;
}

export interface AppOptions {
  /** Development: a token per role to pick from (the ones `npm start` prints). */
  roles?: readonly ExplorerRole[];
  oidc?: OidcConfig;
  /** The built files; `app/dist` unless a test says otherwise. */
  dist?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** What `/app/config.json` tells the page: how to sign in, and which purposes each role may state. */
export function appConfig(options: AppOptions) {
  return {
    ontwikkeling: options.roles?.map(({ rol, token, doel, label }) => ({ rol, token, doel, label: label ?? null })) ?? null,
    oidc: options.oidc ?? null,
    doelen: Object.fromEntries(ROLLEN.map((rol: Rol) => [rol, doelenVoor(rol).map((d) => d.doel)])),
  };
}

function securityHeaders(options: AppOptions): Record<string, string> {
  const idp = options.oidc ? ` ${new URL(options.oidc.issuer).origin}` : '';
  return {
    // Styles inline: the NL Design System's CSS modules and the charts set style attributes.
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'${idp}; form-action 'self'${idp}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/** A path's percent-decoding; null for a malformed one (`%E0%A4%A`), which names no file. */
function decodedPath(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/** True when it answered: a GET or HEAD under `/app`. */
export function serveApp(req: IncomingMessage, res: ServerResponse, options: AppOptions): boolean {
  const path = (req.url ?? '/').split('?')[0]!;
  if (path !== APP_PATH && !path.startsWith(`${APP_PATH}/`)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, errorBody('The application is read with GET', ErrorCode.METHOD_NOT_ALLOWED), { allow: 'GET' });
    return true;
  }
  if (path === APP_PATH) {
    res.writeHead(308, { location: `${APP_PATH}/` });
    res.end();
    return true;
  }
  if (path === `${APP_PATH}/config.json`) {
    sendJson(res, 200, appConfig(options), { 'cache-control': 'no-store', ...securityHeaders(options) });
    return true;
  }
  const dist = options.dist ?? APP_DIST;
  const relative = path === `${APP_PATH}/` ? 'index.html' : decodedPath(path.slice(APP_PATH.length + 1));
  const file = relative === null ? '' : normalize(join(dist, relative));
  if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) {
    if (!existsSync(join(dist, 'index.html'))) {
      sendJson(res, 503, errorBody('The web application is not built: npm start builds it, or npm run build', ErrorCode.NOT_FOUND));
    } else {
      sendJson(res, 404, errorBody('No such file', ErrorCode.NOT_FOUND));
    }
    return true;
  }
  const hashed = file.startsWith(join(dist, 'assets') + sep);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
    // Vite names every asset by its content: kept for a year. The page itself is asked for again each time.
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...securityHeaders(options),
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}
