/**
 * `node --import tsx scripts/bench/floor.ts`: the floor of a subgraph fetch (issue 15). It serves the
 * household picture's brp fetch (`/brp`) and Wmo fetch (`/wmo`) the minimal way: the same token check and
 * gateway signature as a subgraph, one prepared `postgres` statement, the same JSON by hand and
 * `JSON.stringify`. No GraphQL server, no ORM, no access log. What our subgraphs cost per fetch above this
 * is what their pipeline costs; the benchmark replays recorded fetches against both and checks that the
 * answers are the same.
 *
 * Only the benchmark starts it; it answers exactly the picture's two selections and nothing else.
 */
import { createServer, type IncomingMessage } from 'node:http';
import postgres from 'postgres';
import { loadAuthConfig } from '../../subgraphs/kit/auth/config';
import { parseCasusToegang } from '../../subgraphs/kit/auth/casus-toegang';
import { HEADERS, signedBody, verify } from '../../subgraphs/kit/auth/gateway-credential';
import { tokenVerifier, type Actor } from '../../subgraphs/kit/auth/token';
import { addDays, amsterdamDate } from '../../subgraphs/kit/dates';
import { readBody } from '../../subgraphs/kit/http';
import { looptijdStatus } from '../../subgraphs/kit/loket';
import { leeftijd } from '../../subgraphs/brp/resolvers/Persoon';
import { WMO_PRODUCTCATEGORIE } from '../../subgraphs/wmo/codelijsten';

const auth = loadAuthConfig();
const verifyToken = tokenVerifier(auth);
const sql = postgres(process.env.DATABASE_URL!, { max: Number(process.env.DB_POOL_MAX ?? 4), prepare: true, onnotice: () => {} });

const HUISHOUDEN = `
  select h.id, h.straat, h.huisnummer, h.huisletter, h.huisnummertoevoeging, h.postcode, h.woonplaats, h.gemeente_code,
         w.code as wijk_code, w.naam as wijk_naam,
         (select json_agg(json_build_array(p.bsn, p.voornamen, p.voorvoegsel, p.geslachtsnaam, p.geboortedatum, p.gemeente_van_inschrijving)
                          order by p.geboortedatum, p.bsn)
            from brp.persoon p where p.huishouden_id = h.id) as leden
    from brp.huishouden h join brp.wijk w on w.code = h.wijk_code
   where h.id = $1`;

const WMO = `
  select d.huishouden_id, d.gemeente_code, d.clienten, d.geopend_op::text, d.gesloten_op::text, d.contactpersoon_naam, d.contactpersoon_telefoon,
         coalesce((select json_agg(json_build_array(m.meldingsdatum, m.status) order by m.meldingsdatum desc) from wmo.melding m where m.dossier_id = d.id), '[]') as meldingen,
         coalesce((select json_agg(json_build_array(v.productcategorie, v.ingangsdatum, v.einddatum) order by v.ingangsdatum desc) from wmo.voorziening v where v.dossier_id = d.id), '[]') as voorzieningen,
         coalesce((select json_agg(json_build_array(c.id, c.tijdstip, c.kanaal, c.onderwerp, c.notitie, c.medewerker) order by c.tijdstip desc) from wmo.contactmoment c where c.dossier_id = d.id), '[]') as contactmomenten
    from wmo.dossier d
   where d.huishouden_id = any($1)`;

type Leden = [string, string, string | null, string, string, string][];

/** The caller, when the token and the gateway's signature over this very request are good. */
async function caller(req: IncomingMessage, body: { query?: string; variables?: Record<string, unknown> }): Promise<Actor | undefined> {
  const h = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : '');
  const parts = {
    timestamp: h(HEADERS.timestamp),
    traceId: h(HEADERS.traceId),
    purpose: h(HEADERS.purpose),
    authorization: h('authorization'),
    casusToegang: h(HEADERS.casusToegang),
    body: signedBody(body.query, body.variables),
  };
  if (!verify(auth.gatewaySecret, parts, h(HEADERS.signature))) return undefined;
  return await verifyToken(parts.authorization).catch(() => undefined);
}

async function brp(actor: Actor, variables: { id: string }) {
  const [h] = await sql.unsafe(HUISHOUDEN, [variables.id], { prepare: true });
  // Another gemeente's household is as unknown as a household that does not exist.
  if (!h || !actor.gemeenten.includes(h.gemeente_code as string)) return { data: { huishouden: null } };
  const today = amsterdamDate(new Date());
  const nummer = `${h.huisnummer}${h.huisletter ?? ''}${h.huisnummertoevoeging ? `-${h.huisnummertoevoeging}` : ''}`;
  return {
    data: {
      huishouden: {
        __typename: 'Huishouden',
        id: h.id,
        adres: { adresregel1: `${h.straat} ${nummer}`, adresregel2: `${h.postcode}  ${h.woonplaats}` },
        wijk: { code: h.wijk_code, naam: h.wijk_naam },
        leden: ((h.leden ?? []) as Leden).map(([bsn, voornamen, voorvoegsel, geslachtsnaam, geboortedatum]) => ({
          bsn,
          naam: { volledigeNaam: [voornamen, voorvoegsel, geslachtsnaam].filter(Boolean).join(' ') },
          geboortedatum,
          leeftijd: leeftijd(geboortedatum, today),
        })),
      },
    },
  };
}

async function wmo(actor: Actor, casusToegang: string, variables: { representations: { id: string }[] }) {
  const ids = variables.representations.map((r) => r.id);
  const rows = await sql.unsafe(WMO, [ids], { prepare: true });
  const byId = new Map(rows.map((r) => [r.huishouden_id as string, r]));
  const toegang = parseCasusToegang(casusToegang);
  const today = amsterdamDate(new Date());
  const errors: unknown[] = [];
  const entities = ids.map((id, index) => {
    const d = byId.get(id);
    if (!d || !actor.gemeenten.includes(d.gemeente_code as string)) return { wmo: null, wmoContactmomenten: [], wmoBetrokkenheid: null };
    // Content through the caller's casus only (the wijkteam's answer in the signed header), under a Grondslag.
    const casus = toegang.get(id);
    const inhoud = casus?.grondslagen.some((g) => g.domein === 'WMO') ?? false;
    const refusal = inhoud ? null : casus ? 'GRONDSLAG_REQUIRED' : 'FORBIDDEN';
    if (refusal) errors.push({ message: 'refused', path: ['_entities', index, 'wmo'], extensions: { code: refusal } });
    return {
      wmo: inhoud
        ? {
            meldingen: (d.meldingen as [string, string][]).map(([meldingsdatum, status]) => {
              const uiterlijk = addDays(meldingsdatum, 42);
              return { meldingsdatum, status, onderzoekUiterlijk: uiterlijk, termijnVerstreken: (status === 'ONTVANGEN' || status === 'IN_ONDERZOEK') && today > uiterlijk };
            }),
            voorzieningen: (d.voorzieningen as [string, string, string | null][]).map(([code, ingang, eind]) => ({
              productcategorie: { code, naam: WMO_PRODUCTCATEGORIE[code] },
              status: looptijdStatus(ingang, eind, today),
            })),
          }
        : null,
      wmoContactmomenten: (d.contactmomenten as [string, string, string, string, string, string][]).map(([cid, tijdstip, kanaal, onderwerp, notitie, medewerker]) => ({
        id: cid,
        tijdstip: new Date(tijdstip).toISOString(),
        loket: 'WMO',
        kanaal,
        onderwerp: inhoud ? onderwerp : null,
        notitie: inhoud ? notitie : null,
        medewerker: inhoud ? medewerker : null,
        afgeschermd: refusal,
      })),
      wmoBetrokkenheid: {
        loket: 'WMO',
        sinds: d.geopend_op,
        status: d.gesloten_op ? 'GESLOTEN' : 'OPEN',
        contactpersoon: { naam: d.contactpersoon_naam, telefoon: d.contactpersoon_telefoon },
      },
    };
  });
  return errors.length ? { errors, data: { _entities: entities } } : { data: { _entities: entities } };
}

const server = createServer(async (req, res) => {
  const raw = (await readBody(req, 2 ** 20)) ?? '{}';
  const body = JSON.parse(raw) as { query?: string; variables?: Record<string, unknown> };
  const actor = await caller(req, body);
  if (!actor) {
    res.writeHead(401, { 'content-type': 'application/json' });
    return void res.end('{"errors":[{"message":"unauthenticated","extensions":{"code":"UNAUTHENTICATED"}}]}');
  }
  const answer = req.url?.startsWith('/brp')
    ? await brp(actor, body.variables as { id: string })
    : await wmo(actor, typeof req.headers[HEADERS.casusToegang] === 'string' ? (req.headers[HEADERS.casusToegang] as string) : '', body.variables as { representations: { id: string }[] });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(answer));
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`floor ready at http://127.0.0.1:${process.env.PORT}/`));
process.on('SIGTERM', () => {
  server.close();
  void sql.end();
});
