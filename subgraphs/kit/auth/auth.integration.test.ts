import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitiesQuery, startTestSubgraph } from '../../../test/support/subgraph';
import { aDossier, aHuishouden } from '../../demo/fixtures';
import { wmoSubgraph } from '../../wmo/server';
import { loadAuthConfig } from './config';
import { tokenVerifier } from './token';

describe('tokens from an identity provider (JWKS over HTTP)', () => {
  let server: Server;
  let url: string;
  const keys = generateKeyPair('RS256');

  beforeAll(async () => {
    const jwk = { ...(await exportJWK((await keys).publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });
  afterAll(() => new Promise((resolve) => server?.close(resolve)));

  const token = async (privateKey: Parameters<SignJWT['sign']>[0], kid = 'idp-1') =>
    new SignJWT({ name: 'Joost', rol: 'cjg-medewerker', organisatie: 'CJG Lindeveen', gemeenten: ['GM9999'] })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer('https://idp.gemeente.invalid')
      .setAudience('loketlink')
      .setSubject('joost')
      .setExpirationTime('5m')
      .sign(privateKey);

  it('verifies a token signed with a key from the JWKS, and refuses one signed with another', async () => {
    const config = loadAuthConfig({ AUTH_JWKS_URL: url, AUTH_ISSUER: 'https://idp.gemeente.invalid' });
    const verify = tokenVerifier(config);
    await expect(verify(`Bearer ${await token((await keys).privateKey)}`)).resolves.toMatchObject({ sub: 'joost', rol: 'cjg-medewerker' });
    const other = await generateKeyPair('RS256');
    await expect(verify(`Bearer ${await token(other.privateKey)}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('a subgraph whose processing log cannot be written', () => {
  it('discloses nothing: data that could not be logged does not leave', async () => {
    const huishouden = aHuishouden({ wmo: { dossier: aDossier(), meldingen: [], voorzieningen: [], verzoeken: [], contactmomenten: [] } });
    const wmo = await startTestSubgraph(wmoSubgraph, [huishouden], { rol: 'wmo-consulent' });
    try {
      const query = entitiesQuery('Huishouden', 'wmo { id }');
      const representations = [{ __typename: 'Huishouden', id: huishouden.id }];
      expect((await wmo.query(query, { representations })).data).toEqual({ _entities: [{ wmo: { id: huishouden.wmo!.dossier.id } }] });
      await wmo.service.db.execute(sql`drop table wmo.verwerking`);
      const { data, errors } = await wmo.query(query, { representations });
      expect(data ?? null).toBeNull();
      expect(errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await wmo.close();
    }
  });
});
