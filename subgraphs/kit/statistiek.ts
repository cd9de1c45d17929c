/**
 * What a source (the brp, a loket) contributes to the policy figures (docs/beleid.md), as JSON routes for
 * the gateway's transcryptor and the beleid service:
 *
 * - `/pep-export`: who used the source's provisions in a period, as polymorphic pseudonyms (kit/pep.ts):
 *   every BSN and household id encrypted under the system's public key, freshly random per row, so the
 *   list says nothing to anyone who holds no key. One SQL statement.
 * - `/beleid-cijfers`: the loket's own aggregates of the period (contact moments per channel, clients
 *   in and out per month, lead times), one SQL statement per figure.
 *
 * Both are processings of aggregates, logged as one entry about no one, and only for a caller whose role
 * and purpose cover the figures (the beleidsmedewerker with beleidsinformatie); nobody else gets either.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Loket } from './domein';
import type { GuardedContext } from './auth/request';
import { selectRows, type Database } from './database';
import { amsterdamDate } from './dates';
import type { ProcesStap } from './stappen';
import type { Clock } from './subgraph';
import { parseInput } from './errors';
import { embed, encrypt, mapInSlices, serialize } from './pep';
import { loadPepPublicKey } from './pep-config';

export const PEP_EXPORT_ROUTE = '/pep-export';
/** The transcryptor's route on the gateway (gateway/transcryptor.ts), which the beleid service asks. */
export const BELEID_BRONNEN_ROUTE = '/beleid/bronnen';
/** The lokets whose provisions count in the stapeling table (CBS: Wmo, Jeugdwet, Participatiewet). */
export const PROVISION_SOURCES = ['wmo', 'cjg', 'werkplein'] as const;
/** The lokets that report their own figures (the wijkteam has contact moments, no provisions). */
export const FIGURE_SOURCES = ['wmo', 'cjg', 'werkplein', 'wijkteam'] as const;
export const BELEID_CIJFERS_ROUTE = '/beleid-cijfers';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The question of both routes: a gemeente and a period's first and last day (inclusive). */
export const periodeVraag = z
  .object({ gemeente: z.string().regex(/^GM\d{4}$/), van: z.string().regex(ISO_DATE), tot: z.string().regex(ISO_DATE) })
  .refine((v) => v.van <= v.tot, { message: '"van" must not come after "tot"' });
export type PeriodeVraag = z.infer<typeof periodeVraag>;

/** The identities as PEP embeds them: a person by BSN, a household by its BRP id. */
export const identiteit = {
  persoon: (bsn: string) => `bsn:${bsn}`,
  huishouden: (id: string) => `huishouden:${id}`,
};

/** A loket's row of the export: one client with a provision in the period, and how many provisions. */
export interface PepClient {
  persoon: string;
  huishouden: string;
  voorzieningen: number;
}

let publicKey: ReturnType<typeof loadPepPublicKey> | undefined;
/** Encrypts under the system's public key (`PEP_PUBLIC_KEY`), read once. */
export function pseudonymise(identity: string): string {
  publicKey ??= loadPepPublicKey();
  return serialize(encrypt(embed(identity), publicKey));
}

/** Decides and logs the aggregate processing of one route call, then writes the log entry. */
export async function asAggregaat<T>(ctx: GuardedContext, body: unknown, compute: (vraag: PeriodeVraag) => Promise<T>): Promise<T> {
  const vraag = parseInput(periodeVraag, body);
  try {
    ctx.access.requireAggregaten(vraag.gemeente);
    return await compute(vraag);
  } finally {
    await ctx.access.log.flush();
  }
}

/** A loket's provisions of one kind (a Wmo voorziening, a jeugdhulptraject, an uitkering): where they are. */
export interface Voorzieningen {
  table: PgTable;
  dossier: PgTable & { id: AnyPgColumn; huishoudenId: AnyPgColumn; gemeenteCode: AnyPgColumn };
  dossierId: AnyPgColumn;
  bsn: AnyPgColumn;
  begin: AnyPgColumn;
  eind: AnyPgColumn;
}

/** The clients with at least one provision active on a day of the period, with their household: one statement. */
export async function clientenInPeriode(db: Database<Record<string, unknown>>, v: Voorzieningen, vraag: PeriodeVraag): Promise<PepClient[]> {
  const rows = await selectRows<{ bsn: string; huishouden: string; n: number }>(db, sql`
    select ${v.bsn} as bsn, ${v.dossier.huishoudenId} as huishouden, count(*)::int as n
      from ${v.table} join ${v.dossier} on ${v.dossier.id} = ${v.dossierId}
     where ${v.dossier.gemeenteCode} = ${vraag.gemeente} and ${v.begin} <= ${vraag.tot} and (${v.eind} is null or ${v.eind} >= ${vraag.van})
     group by 1, 2`);
  return mapInSlices(rows, (r) => ({ persoon: pseudonymise(identiteit.persoon(r.bsn)), huishouden: pseudonymise(identiteit.huishouden(r.huishouden)), voorzieningen: r.n }));
}

/** Contact moments per channel in the period (by their date in Amsterdam): one statement. */
export async function kanaalgebruik(
  db: Database<Record<string, unknown>>,
  t: { contactmoment: PgTable & { dossierId: AnyPgColumn; tijdstip: AnyPgColumn; kanaal: AnyPgColumn }; dossier: Voorzieningen['dossier'] },
  vraag: PeriodeVraag,
): Promise<{ kanaal: string; aantal: number }[]> {
  return await selectRows<{ kanaal: string; aantal: number }>(db, sql`
    select ${t.contactmoment.kanaal} as kanaal, count(*)::int as aantal
      from ${t.contactmoment} join ${t.dossier} on ${t.dossier.id} = ${t.contactmoment.dossierId}
     where ${t.dossier.gemeenteCode} = ${vraag.gemeente}
       and (${t.contactmoment.tijdstip} at time zone 'Europe/Amsterdam')::date between ${vraag.van}::date and ${vraag.tot}::date
     group by 1 order by 1`);
}

/**
 * Per month of the period, clients with a provision: on the month's first day (beginstand) and last day
 * (eindstand), those who had one in the month but none the day before it began (instroom), and those who
 * had one in the month but none the day after it ended (uitstroom). One statement.
 */
export async function instroomUitstroom(db: Database<Record<string, unknown>>, v: Voorzieningen, vraag: PeriodeVraag) {
  const active = (day: SQL) => sql`bool_or(${v.begin} <= ${day} and (${v.eind} is null or ${v.eind} >= ${day}))`;
  return await selectRows<InstroomUitstroomRij>(db, sql`
    with maand as (
      select m::date as begin, (m + interval '1 month' - interval '1 day')::date as eind
        from generate_series(${vraag.van}::date, ${vraag.tot}::date, interval '1 month') as m
    ), client as (
      select maand.begin as maand, ${v.bsn} as bsn,
             ${active(sql`maand.begin`)} as bij_begin,
             ${active(sql`maand.eind`)} as bij_eind,
             ${active(sql`(maand.begin - 1)`)} as ervoor,
             ${active(sql`(maand.eind + 1)`)} as erna
        from maand
        join ${v.table} on ${v.begin} <= maand.eind and (${v.eind} is null or ${v.eind} >= maand.begin)
        join ${v.dossier} on ${v.dossier.id} = ${v.dossierId}
       where ${v.dossier.gemeenteCode} = ${vraag.gemeente}
       group by 1, 2
    )
    select to_char(maand.begin, 'YYYY-MM') as maand,
           count(client.bsn) filter (where bij_begin)::int as beginstand,
           count(client.bsn) filter (where not ervoor)::int as instroom,
           count(client.bsn) filter (where not erna)::int as uitstroom,
           count(client.bsn) filter (where bij_eind)::int as eindstand
      from maand left join client on client.maand = maand.begin
     group by maand.begin order by maand.begin`);
}

export interface InstroomUitstroomRij {
  maand: string;
  beginstand: number;
  instroom: number;
  uitstroom: number;
  eindstand: number;
}

/**
 * A process step with a legal term, as a loket's tables hold it: when it started, when it was done, by when
 * it had to be, and when it stopped being owed without being done (withdrawn, or overtaken). The lead
 * times of `beleidscijfers.doorlooptijden`.
 */
export interface DoorlooptijdBron {
  stap: ProcesStap;
  /** The term as the law words it, and where. */
  termijn: string;
  termijnBron: string;
  table: PgTable;
  dossier: Voorzieningen['dossier'];
  dossierId: AnyPgColumn;
  begin: AnyPgColumn;
  gedaan: AnyPgColumn;
  uiterlijk: AnyPgColumn;
  /** The first date the step stopped being owed otherwise (SQL; null when it never did). */
  vervallen: SQL;
}

export interface DoorlooptijdRij {
  stap: ProcesStap;
  termijn: string;
  termijnBron: string;
  /** Done in the period. */
  afgerond: number;
  mediaanDagen: number | null;
  p90Dagen: number | null;
  /** Of those done in the period, how many by their term. */
  binnenTermijn: number;
  /** Still owed past its term at the end of the period (or today, when the period has not ended). */
  openNaTermijn: number;
}

/**
 * Per step: how many were done in the period, the median and 90th percentile of their calendar days from
 * begin to done, how many within the term, and how many are still open past it at the period's end. One
 * statement for all of a loket's steps.
 */
export async function doorlooptijden(db: Database<Record<string, unknown>>, bronnen: readonly DoorlooptijdBron[], vraag: PeriodeVraag, vandaag: string): Promise<DoorlooptijdRij[]> {
  if (!bronnen.length) return [];
  const peil = vraag.tot < vandaag ? vraag.tot : vandaag;
  const union = sql.join(
    bronnen.map((b) => {
      const inPeriode = sql`${b.gedaan} between ${vraag.van}::date and ${vraag.tot}::date`;
      const dagen = sql`(${b.gedaan} - ${b.begin})`;
      return sql`select ${b.stap}::text as stap, ${b.termijn}::text as termijn, ${b.termijnBron}::text as "termijnBron",
          count(*) filter (where ${inPeriode})::int as afgerond,
          percentile_disc(0.5) within group (order by ${dagen}) filter (where ${inPeriode}) as "mediaanDagen",
          percentile_disc(0.9) within group (order by ${dagen}) filter (where ${inPeriode}) as "p90Dagen",
          count(*) filter (where ${inPeriode} and ${b.gedaan} <= ${b.uiterlijk})::int as "binnenTermijn",
          count(*) filter (where ${b.begin} <= ${peil}::date and ${b.uiterlijk} < ${peil}::date
            and (${b.gedaan} is null or ${b.gedaan} > ${peil}::date) and (${b.vervallen} is null or ${b.vervallen} > ${peil}::date))::int as "openNaTermijn"
        from ${b.table} join ${b.dossier} on ${b.dossier.id} = ${b.dossierId}
       where ${b.dossier.gemeenteCode} = ${vraag.gemeente} and ${b.begin} <= ${vraag.tot}::date`;
    }),
    sql` union all `,
  );
  return await selectRows<DoorlooptijdRij>(db, union);
}

/** What `/beleid-cijfers` answers for one loket. */
export interface LoketCijfers {
  loket: Loket;
  kanaalgebruik: { kanaal: string; aantal: number }[];
  instroomUitstroom: InstroomUitstroomRij[];
  doorlooptijden: DoorlooptijdRij[];
}

/**
 * The two routes of a loket: its clients as pseudonyms (when it has provisions), and its own figures. The
 * wijkteam grants no provisions of its own, so it exports nobody and counts only its contact moments.
 */
export function loketStatistiekRoutes<C extends GuardedContext & { db: Database<Record<string, unknown>>; clock: Clock }>(
  loket: Loket,
  tables: { contactmoment: Parameters<typeof kanaalgebruik>[1]['contactmoment']; dossier: Voorzieningen['dossier'] },
  voorzieningen?: Voorzieningen,
  stappen: readonly DoorlooptijdBron[] = [],
) {
  return {
    [PEP_EXPORT_ROUTE]: (body: unknown, ctx: C) =>
      asAggregaat(ctx, body, async (vraag) => ({ clienten: voorzieningen ? await clientenInPeriode(ctx.db, voorzieningen, vraag) : [] })),
    [BELEID_CIJFERS_ROUTE]: (body: unknown, ctx: C) =>
      asAggregaat(ctx, body, async (vraag): Promise<LoketCijfers> => ({
        loket,
        kanaalgebruik: await kanaalgebruik(ctx.db, tables, vraag),
        instroomUitstroom: voorzieningen ? await instroomUitstroom(ctx.db, voorzieningen, vraag) : [],
        doorlooptijden: await doorlooptijden(ctx.db, stappen, vraag, amsterdamDate(ctx.clock.now())),
      })),
  };
}

/** What the transcryptor hands the beleid service for one gemeente and period. */
export interface BeleidBronnen {
  gemeente: { code: string; naam: string };
  /** Every household of the gemeente (a pseudonym) with its wijk. */
  huishoudens: { huishouden: string; wijk: string }[];
  wijken: { code: string; naam: string }[];
  /** Per loket, its clients of the period; each pseudonym opens only for the beleid service. */
  clienten: Record<(typeof PROVISION_SOURCES)[number], PepClient[]>;
  cijfers: LoketCijfers[];
  /** Milliseconds: the sources' exports and figures (their encryption included), and the transcryption. */
  tijden: { export: number; transcrypt: number };
}
