/**
 * The floor: a minimal hand-written client that answers the benchmark's operations by sending the same
 * subgraph fetches, in the same order, as the gateway's query plan, and nothing else: no parsing or
 * validating of the client's operation, no planning per request, no shaping of the response. It does the
 * same security work as the gateway (verifies the token, signs every fetch), so the difference between it
 * and a gateway is what the gateway itself costs.
 *
 * Run by the benchmark as its own process: `node --import tsx scripts/bench/direct.ts` with the gateway's
 * environment (subgraph URLs, keys) and DIRECT_PORT; it serves POST / like a gateway.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlanSelectionNode } from '@apollo/query-planner';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { loadGatewayConfig } from '../../gateway/config';
import { readSupergraph } from '../../gateway/server';
import { loadAuthConfig } from '../../subgraphs/kit/auth/config';
import { CasusVragen } from '../../subgraphs/kit/auth/casus-toegang';
import { HEADERS, signedHeaders } from '../../subgraphs/kit/auth/gateway-credential';
import { tokenVerifier, unauthenticated } from '../../subgraphs/kit/auth/token';
import { disableTelemetry } from '../../subgraphs/kit/config';
import { closeOnSignal } from '../../subgraphs/kit/main';
import { HUISHOUDBEELD, HUISHOUDENS_PAGE, LOKET_LOOKUP } from '../../schema/operations';

type Json = Record<string, unknown>;

disableTelemetry();
const gatewayConfig = loadGatewayConfig();
const auth = loadAuthConfig();
const verifyToken = tokenVerifier(auth);
const supergraph = Supergraph.build(readSupergraph());
const planner = new QueryPlanner(supergraph);
const apiSchema = supergraph.apiSchema();
const serviceUrls = new Map<string, string>();
for (const { name, url } of supergraph.subgraphsMetadata()) {
  serviceUrls.set(name, gatewayConfig.subgraphUrls[name as keyof typeof gatewayConfig.subgraphUrls] ?? url);
}

/** The plans, made once: the operations are fixed, only their variables change. */
const plans = new Map(
  [HUISHOUDBEELD, LOKET_LOOKUP, HUISHOUDENS_PAGE].map((query) => {
    const operation = operationFromDocument(apiSchema, parse(query));
    return [query, planner.buildQueryPlan(operation).node as PlanNode] as const;
  }),
);

interface Request {
  variables: Json;
  caller: { authorization: string; purpose: string; traceId: string };
  casusVragen?: CasusVragen;
  errors: unknown[];
}

async function send(fetch_: FetchNode, variables: Json, request: Request): Promise<Json | undefined> {
  const body = { query: fetch_.operation, variables };
  const casusToegang = (await request.casusVragen?.headerFor(fetch_.serviceName, variables)) ?? '';
  const response = await fetch(serviceUrls.get(fetch_.serviceName)!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signedHeaders(auth.gatewaySecret, { ...request.caller, casusToegang, ...body }) },
    body: JSON.stringify(body),
  });
  const result = (await response.json()) as { data?: Json; errors?: unknown[] };
  if (result.errors) request.errors.push(...result.errors);
  return result.data;
}

function usedVariables(fetch_: FetchNode, all: Json): Json {
  return Object.fromEntries((fetch_.variableUsages ?? []).map((name) => [name, all[name]]));
}

/** The objects at `path` (`@` steps into lists), where an entity fetch adds its fields. */
function objectsAt(value: unknown, path: readonly (string | number)[]): Json[] {
  if (value == null) return [];
  if (path.length === 0) return Array.isArray(value) ? value.flatMap((v) => objectsAt(v, [])) : [value as Json];
  const [step, ...rest] = path;
  if (step === '@') return Array.isArray(value) ? value.flatMap((v) => objectsAt(v, rest)) : [];
  return objectsAt((value as Json)[step as string], rest);
}

/** An entity's representation: the fields the fetch `requires`, nothing more. */
function project(value: unknown, selections: readonly QueryPlanSelectionNode[]): unknown {
  if (value == null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => project(v, selections));
  const object = value as Json;
  const out: Json = {};
  for (const selection of selections) {
    if (selection.kind === 'InlineFragment') {
      if (!selection.typeCondition || selection.typeCondition === object.__typename) Object.assign(out, project(object, selection.selections));
    } else {
      out[selection.name] = selection.selections ? project(object[selection.name], selection.selections) : object[selection.name];
    }
  }
  return out;
}

function merge(target: Json, source: Json | undefined): void {
  for (const [key, value] of Object.entries(source ?? {})) {
    const existing = target[key];
    if (existing && typeof existing === 'object' && value && typeof value === 'object' && !Array.isArray(value)) merge(existing as Json, value as Json);
    else if (Array.isArray(existing) && Array.isArray(value)) value.forEach((v, i) => (existing[i] && typeof v === 'object' ? merge(existing[i] as Json, v as Json) : (existing[i] = v)));
    else target[key] = value;
  }
}

async function run(node: PlanNode, data: Json, request: Request, path: readonly (string | number)[] = []): Promise<void> {
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await run(child, data, request, path);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => run(child, data, request, path)));
      return;
    case 'Flatten':
      return run(node.node, data, request, node.path);
    case 'Fetch': {
      if (!node.requires) return merge(data, await send(node, usedVariables(node, request.variables), request));
      const entities = objectsAt(data, path);
      if (entities.length === 0) return;
      const representations = entities.map((e) => project(e, node.requires!));
      const result = await send(node, { ...usedVariables(node, request.variables), representations }, request);
      const returned = (result?._entities as Json[] | undefined) ?? [];
      entities.forEach((entity, i) => merge(entity, returned[i]));
      return;
    }
    default:
      throw new Error(`plan node ${node.kind} is not used by the benchmark's operations`);
  }
}

const port = Number(process.env.DIRECT_PORT ?? 4099);
const server = createServer(async (req, res) => {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const authorization = String(req.headers.authorization ?? '');
    const actor = await verifyToken(authorization).catch((error: unknown) => {
      throw error === undefined ? unauthenticated('no token') : error;
    });
    const { query, variables } = JSON.parse(Buffer.concat(chunks).toString()) as { query: string; variables?: Json };
    const plan = plans.get(query);
    if (!plan) throw new Error('the direct client knows only the benchmark operations');
    const request: Request = {
      variables: variables ?? {},
      caller: { authorization, purpose: String(req.headers[HEADERS.purpose] ?? ''), traceId: randomBytes(16).toString('hex') },
      errors: [],
    };
    // The same questions a gateway asks for a wijkteam member (kit/auth/casus-toegang.ts).
    if (actor.rol === 'wijkteam-medewerker') request.casusVragen = new CasusVragen({ url: serviceUrls.get('wijkteam')!, secret: auth.gatewaySecret, caller: request.caller });
    const data: Json = {};
    await run(plan, data, request);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(request.errors.length ? { data, errors: request.errors } : { data }));
  } catch (error) {
    const status = (error as { extensions?: { http?: { status?: number } } }).extensions?.http?.status ?? 500;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String((error as Error).message) }] }));
  }
});
closeOnSignal(async () => void server.close());
server.listen(port, '127.0.0.1', () => console.log(`direct client ready at http://127.0.0.1:${port}/`));
