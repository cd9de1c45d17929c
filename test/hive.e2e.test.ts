import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentRoles } from '../gateway/explorer';
import { createHiveServer } from '../gateway/hive-runtime';
import { HUISHOUDBEELD } from '../schema/operations';
import { findExampleHuishouden, generateHuishoudens } from '../subgraphs/demo/generator';
import { headersFor, TEST_AUTH, type Caller } from './support/auth';
import { post, startTestHub, TEST_DOOR, type TestHub } from './support/hub';

const DEMO = { households: 30, seed: 5 };

/** The MIT route: the same supergraph file on Hive Gateway, with LoketLink's plugin, answers the same. */
describe('the supergraph on Hive Gateway', () => {
  let hub: TestHub;
  let hiveUrl: string;
  let rustUrl: string;
  const closers: (() => Promise<unknown> | unknown)[] = [];
  let regisseur: Caller;
  const example = findExampleHuishouden(DEMO)!;
  /** Households outside the regisseur's casus: their answers carry the refusals. */
  const otherHouseholds = [...generateHuishoudens(DEMO)].slice(0, 4).map((h) => h.id).filter((id) => id !== example.id);

  beforeAll(async () => {
    regisseur = { rol: 'wijkteam-medewerker', sub: example.wijkteam!.casus.regisseur.sub };
    hub = await startTestHub(DEMO, regisseur);
    const serve = async (routerRuntime: boolean) => {
      const hive = await createHiveServer({ auth: TEST_AUTH, subgraphUrls: hub.subgraphUrls, door: TEST_DOOR, routerRuntime });
      const server = createServer(hive.handler);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      closers.push(() => new Promise((resolve) => server.close(resolve)), hive.dispose);
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    };
    hiveUrl = await serve(false);
    rustUrl = await serve(true);
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await hub?.close();
  });

  // The JavaScript stitching runtime and the Rust query planner (the benchmark's stronger peer).
  it.each(['stitching', 'rust'] as const)('answers the household picture exactly as our gateway does, access decisions included (%s planner)', async (planner) => {
    const url = planner === 'rust' ? rustUrl : hiveUrl;
    const codes = (r: Awaited<ReturnType<typeof post>>) => (r.body.errors ?? []).map((e) => `${JSON.stringify(e.path)} ${e.extensions?.code}`).sort();
    for (const household of [example.id, ...otherHouseholds]) {
      const body = { query: HUISHOUDBEELD, variables: { id: household } };
      const ours = await post(hub.gatewayUrl, body, await headersFor(regisseur));
      const hive = await post(url, body, await headersFor(regisseur));
      expect(hive.status).toBe(200);
      expect(hive.body.data).toEqual(ours.body.data);
      expect(codes(hive)).toEqual(codes(ours));
    }
  });

  it('serves the offline explorer in development, for its own /graphql, and no page in production', async () => {
    const roles = await developmentRoles(TEST_AUTH, { gemeenten: ['GM9999'] });
    const development = await createHiveServer({ auth: TEST_AUTH, subgraphUrls: hub.subgraphUrls, door: TEST_DOOR, development: true, explorer: { roles } });
    const server = createServer(development.handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const page = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, { headers: { accept: 'text/html' } });
      const html = await page.text();
      expect(html).toMatch(/LoketLink explorer/);
      expect(html).toContain('"endpoint":"/graphql"');
      expect(html).not.toMatch(/(src|href)="https?:\/\//);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await development.dispose();
    }
    expect((await fetch(hiveUrl, { headers: { accept: 'text/html' } })).status).toBe(405);
  });

  it('refuses a request without a token with 401', async () => {
    const response = await post(hiveUrl, { query: HUISHOUDBEELD, variables: { id: example.id } }, { 'x-doel': 'integrale-aanpak' });
    expect(response.status).toBe(401);
    expect(response.body.data ?? null).toBeNull();
  });
});
