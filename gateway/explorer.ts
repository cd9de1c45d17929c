/**
 * The development explorer: GraphiQL served from the installed package (`@graphql-yoga/render-graphiql`
 * inlines its scripts, styles and editor workers), so no request leaves the machine: no CDN, no fonts, no
 * telemetry. A bar above it picks one of the development roles; the page then opens with that role's
 * token and purpose in the headers, and the README's household picture as the query. Development only:
 * production serves no page at all.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthConfig } from '../subgraphs/kit/auth/config';
import { ROLLEN, type Rol } from '../subgraphs/kit/auth/roles';
import { developmentToken } from '../subgraphs/kit/auth/token';
import { HEADERS } from '../subgraphs/kit/auth/gateway-credential';
import { sendJson, errorBody } from '../subgraphs/kit/http';
import { ErrorCode } from '../subgraphs/kit/errors';
import { HUISHOUDBEELD } from '../schema/operations';

export interface ExplorerRole {
  rol: Rol;
  token: string;
  doel: string;
  /** Who the token is, in a few words ("the regisseur of the example casus"). */
  label?: string;
}

export interface ExplorerOptions {
  roles: ExplorerRole[];
  /** The household the default query asks for. */
  huishoudenId?: string;
  /** The role the page opens with. */
  defaultRol?: Rol;
}

/** A token per role for the explorer and `npm start`'s banner; the regisseur and resident when given. */
export async function developmentRoles(
  auth: AuthConfig,
  options: { gemeenten: string[]; regisseur?: { sub: string; naam: string }; inwonerBsn?: string },
): Promise<ExplorerRole[]> {
  const roles: ExplorerRole[] = [];
  for (const rol of ROLLEN) {
    if (rol === 'inwoner' && !options.inwonerBsn) continue;
    const persoon = rol === 'wijkteam-medewerker' && options.regisseur ? options.regisseur : {};
    const bsn = rol === 'inwoner' ? options.inwonerBsn : undefined;
    const { token, doel } = await developmentToken(auth, { rol, gemeenten: options.gemeenten, bsn, ...persoon });
    const label = 'sub' in persoon ? 'the regisseur of the example casus' : bsn ? 'the oldest member of the example household' : undefined;
    roles.push({ rol, token, doel, label });
  }
  return roles;
}

type Render = (options: Record<string, unknown>) => string;
let render: Promise<Render> | undefined;

/** GET of a page in development: the explorer, for the role in `?rol=`. */
export async function serveExplorer(req: IncomingMessage, res: ServerResponse, options: ExplorerOptions, endpoint: string): Promise<void> {
  render ??= import('@graphql-yoga/render-graphiql').then((m) => m.renderGraphiQL as unknown as Render);
  let renderGraphiQL: Render;
  try {
    renderGraphiQL = await render;
  } catch {
    render = undefined;
    return sendJson(res, 404, errorBody('The explorer is a development dependency that is not installed here (npm ci installs it)', ErrorCode.NOT_FOUND));
  }
  const asked = new URL(req.url ?? '/', 'http://gateway').searchParams.get('rol');
  const role = options.roles.find((r) => r.rol === asked) ?? options.roles.find((r) => r.rol === (options.defaultRol ?? 'wijkteam-medewerker')) ?? options.roles[0];
  const page = renderGraphiQL({
    title: 'LoketLink explorer (development)',
    endpoint,
    headers: JSON.stringify(role ? { authorization: `Bearer ${role.token}`, [HEADERS.purpose]: role.doel } : {}, null, 2),
    shouldPersistHeaders: false,
    defaultQuery: options.huishoudenId ? HUISHOUDBEELD.trim().replace('query Huishoudbeeld($id: ID!) {', `# The README's household picture\nquery Huishoudbeeld($id: ID! = "${options.huishoudenId}") {`) : HUISHOUDBEELD.trim(),
  });
  const html = page.replace('<body id="body" class="no-focus-outline">', `<body id="body" class="no-focus-outline">${roleBar(options.roles, role?.rol, asked !== null)}`);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/** The role picker; picking reloads the page with that role's headers (GraphiQL keeps no old ones then). */
function roleBar(roles: ExplorerRole[], selected: Rol | undefined, switched: boolean): string {
  const options = roles
    .map((r) => `<option value="${r.rol}"${r.rol === selected ? ' selected' : ''}>${r.rol} (X-Doel: ${r.doel})${r.label ? ` – ${r.label}` : ''}</option>`)
    .join('');
  return `
    <style>
      #loketlink-bar { display: flex; gap: .75rem; align-items: center; height: 2.75rem; padding: 0 1rem; font: 14px system-ui, sans-serif; background: #154273; color: #fff; }
      #loketlink-bar select { font: inherit; padding: .2rem; }
      #root { height: calc(100vh - 2.75rem) !important; }
    </style>
    <form id="loketlink-bar" method="get">
      <strong>LoketLink</strong>
      <label for="loketlink-rol">Development role</label>
      <select id="loketlink-rol" name="rol" onchange="this.form.submit()">${options}</select>
      <span>token and purpose are in the headers below; development tokens only</span>
    </form>
    ${switched ? '<script>for (const key of Object.keys(localStorage)) if (key.startsWith("graphiql")) localStorage.removeItem(key);</script>' : ''}`;
}
