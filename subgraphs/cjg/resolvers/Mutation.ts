/**
 * The CJG's writes on the Jeugd chain (domain/jeugdhulp.ts), in the same order of checks as the Wmo's:
 * the record (in the caller's gemeenten), the caller, the version, the step, the dates; then the write and
 * its log entry in one transaction.
 */
import { z } from 'zod';
import { vraagBewoning } from '../../kit/bewoning';
import { isValidBsn } from '../../kit/bsn';
import { notFound, parseInput } from '../../kit/errors';
import { aanbiederInput, omvangInput, productcodeInput } from '../../kit/istandaarden';
import { openDossierFor } from '../../kit/loket';
import { volgendeStatus } from '../../kit/proces';
import {
  calendarDate,
  type Changes,
  idempotencyKey,
  inTransaction,
  insertIdempotent,
  invoerHash,
  nieuweContactpersoon,
  notAfterToday,
  notBefore,
  registerContactmoment,
  requireId,
  requireLoketWrite,
  requireSameRequest,
  requireVersion,
  tekst,
  updateVersioned,
  vandaag,
  versie,
} from '../../kit/schrijven';
import { JEUGD_PRODUCTCATEGORIE } from '../codelijsten';
import type { CjgContext } from '../context';
import * as tables from '../db/schema';
import { beginStatus, jeugdhulpProces, VERWIJZERS, type JeugdhulpStap, type JeugdhulpStatus } from '../domain/jeugdhulp';
import { jeugdhulpAfgeleidKolommen, volgendToewijzingnummer, type JeugdhulptrajectRow } from '../repository';

type TrajectChanges = Changes<typeof tables.jeugdhulptraject>;
const trajectStap = { trajectId: z.string(), version: versie };

const verwijzingInput = z
  .object({
    idempotencyKey,
    bsn: z.string().refine(isValidBsn, 'must be a BSN: 9 digits that pass the 11-proef'),
    verwijzer: z.enum(VERWIJZERS),
    verwijsdatum: calendarDate,
    productcategorie: z.string().refine((c) => c in JEUGD_PRODUCTCATEGORIE, 'must be an iJw productcategorie (JZ020)'),
    productcode: productcodeInput.nullish(),
    omvang: omvangInput,
    ingangsdatum: calendarDate.nullish(),
    geldigTot: calendarDate.nullish(),
  })
  .refine((v) => !v.geldigTot || v.geldigTot >= (v.ingangsdatum ?? v.verwijsdatum), { message: 'must not be before the ingangsdatum', path: ['geldigTot'] });
const beschikkingInput = z
  .object({ ...trajectStap, datum: calendarDate, besluit: z.enum(['TOEGEKEND', 'AFGEWEZEN']), redenAfwijzing: tekst(5, 2000).nullish(), ingangsdatum: calendarDate.nullish(), geldigTot: calendarDate.nullish() })
  .refine((b) => b.besluit === 'TOEGEKEND' || b.redenAfwijzing, { message: 'a refusal gives its reason', path: ['redenAfwijzing'] })
  .refine((b) => !b.geldigTot || !b.ingangsdatum || b.geldigTot >= b.ingangsdatum, { message: 'must not be before the ingangsdatum', path: ['geldigTot'] });
const toewijzingInput = z.object({ ...trajectStap, aanbieder: aanbiederInput, toewijzingsdatum: calendarDate, ingangsdatum: calendarDate, redenWijziging: tekst(2, 500).nullish() });
const startInput = z.object({ ...trajectStap, startdatum: calendarDate });
const stopInput = z.object({ ...trajectStap, einddatum: calendarDate, redenBeeindiging: tekst(2, 500) });

/**
 * One step on a traject: the version, whether the state allows it, the step's own checks (`plan`), then
 * the update with the deadline and open step the domain derives, in the write's transaction.
 */
async function stepTraject(
  ctx: CjgContext,
  input: { trajectId: string; version: number },
  stap: JeugdhulpStap,
  actie: string,
  plan: (t: JeugdhulptrajectRow, today: string) => TrajectChanges,
): Promise<JeugdhulptrajectRow> {
  const t = await ctx.repository.traject(requireId(input.trajectId, 'jeugdhulptraject'));
  if (!t) throw notFound('No such jeugdhulptraject');
  requireLoketWrite(ctx.access, { loket: 'CJG', actie, gemeente: t.dossier.gemeenteCode, bsns: [t.bsn] });
  requireVersion('jeugdhulptraject', t, input.version);
  const status: JeugdhulpStatus = volgendeStatus(jeugdhulpProces, t.status, stap);
  const changes = { ...plan(t, vandaag(ctx.clock)), status };
  const next = { ...t, ...changes } as JeugdhulptrajectRow;
  return inTransaction(ctx.db, ctx.access, (tx) =>
    updateVersioned<typeof tables.jeugdhulptraject, JeugdhulptrajectRow>(tx, tables.jeugdhulptraject, t.id, input.version, 'jeugdhulptraject', {
      ...changes,
      behandelaar: ctx.access.actor.naam,
      ...jeugdhulpAfgeleidKolommen(next),
    }),
  );
}

export const Mutation = {
  async registerJeugdhulpVerwijzing(_: unknown, args: { input: unknown }, ctx: CjgContext) {
    const input = parseInput(verwijzingInput, args.input);
    const today = vandaag(ctx.clock);
    notAfterToday(input.verwijsdatum, today, 'verwijsdatum');
    const bewoning = await vraagBewoning(ctx.access, ctx.peers, input.bsn);
    requireLoketWrite(ctx.access, { loket: 'CJG', actie: 'registerJeugdhulpVerwijzing', gemeente: bewoning.gemeenteCode, bsns: [input.bsn] });
    const hash = invoerHash(input);
    const stored = await ctx.repository.trajectByKey(input.idempotencyKey);
    if (stored) return requireSameRequest(stored, ctx.access.actor.sub, hash);
    const status = beginStatus(input.verwijzer);
    const gemeenteRoute = input.verwijzer === 'GEMEENTE';
    const base = {
      status,
      statusSinds: input.verwijsdatum,
      verwijsdatum: input.verwijsdatum,
      aanvraagOntvangenOp: gemeenteRoute ? input.verwijsdatum : null,
      ingangsdatum: input.ingangsdatum ?? input.verwijsdatum,
      geldigTot: input.geldigTot ?? null,
      toewijzingIngangsdatum: null,
    };
    return inTransaction(ctx.db, ctx.access, async (tx) => {
      const dossier = await openDossierFor(tx, tables.dossier, { ...bewoning, bsn: input.bsn, contactpersoon: nieuweContactpersoon(ctx.access, 'CJG', true), vandaag: today });
      const { row } = await insertIdempotent<typeof tables.jeugdhulptraject, JeugdhulptrajectRow>(tx, tables.jeugdhulptraject, {
        ...base,
        id: crypto.randomUUID(),
        dossierId: dossier.id,
        bsn: input.bsn,
        verwijzer: input.verwijzer,
        productcategorie: input.productcategorie,
        productcode: input.productcode ?? null,
        ...input.omvang,
        behandelaar: ctx.access.actor.naam,
        idempotencyKey: input.idempotencyKey,
        aangemaaktDoor: ctx.access.actor.sub,
        invoerHash: hash,
        ...jeugdhulpAfgeleidKolommen(base),
      });
      return row;
    });
  },

  async recordJeugdhulpBeschikking(_: unknown, args: { input: unknown }, ctx: CjgContext) {
    const input = parseInput(beschikkingInput, args.input);
    const stap = input.besluit === 'TOEGEKEND' ? 'grant' : 'reject';
    return stepTraject(ctx, input, stap, 'recordJeugdhulpBeschikking', (t, today) => {
      notBefore(notAfterToday(input.datum, today, 'datum'), t.aanvraagOntvangenOp, 'datum', 'the aanvraag');
      const toegekend = input.besluit === 'TOEGEKEND';
      return {
        statusSinds: input.datum,
        beschikkingsdatum: input.datum,
        besluit: input.besluit,
        redenAfwijzing: input.redenAfwijzing ?? null,
        ingangsdatum: toegekend ? (input.ingangsdatum ?? t.ingangsdatum) : null,
        geldigTot: toegekend ? (input.geldigTot ?? t.geldigTot) : null,
      };
    });
  },

  async assignJeugdhulpToewijzing(_: unknown, args: { input: unknown }, ctx: CjgContext) {
    const input = parseInput(toewijzingInput, args.input);
    return stepTraject(ctx, input, 'assignToewijzing', 'assignJeugdhulpToewijzing', (t, today) => {
      notBefore(notAfterToday(input.toewijzingsdatum, today, 'toewijzingsdatum'), t.statusSinds, 'toewijzingsdatum', 'the verwijzing or beschikking');
      if (t.ingangsdatum) notBefore(input.ingangsdatum, t.ingangsdatum, 'ingangsdatum', 'the ingangsdatum granted');
      if (t.geldigTot && input.ingangsdatum > t.geldigTot) notBefore(t.geldigTot, input.ingangsdatum, 'ingangsdatum', 'the end of the period granted');
      return {
        statusSinds: input.toewijzingsdatum,
        toewijzingnummer: volgendToewijzingnummer(),
        aanbiederAgb: input.aanbieder.agbCode,
        aanbiederNaam: input.aanbieder.naam,
        toewijzingsdatum: input.toewijzingsdatum,
        toewijzingIngangsdatum: input.ingangsdatum,
        redenWijziging: input.redenWijziging ?? null,
      };
    });
  },

  async startJeugdhulp(_: unknown, args: { input: unknown }, ctx: CjgContext) {
    const input = parseInput(startInput, args.input);
    return stepTraject(ctx, input, 'startZorg', 'startJeugdhulp', (t, today) => {
      notBefore(notAfterToday(input.startdatum, today, 'startdatum'), t.toewijzingIngangsdatum, 'startdatum', "the toewijzing's ingangsdatum");
      return { statusSinds: input.startdatum, startdatum: input.startdatum };
    });
  },

  async stopJeugdhulp(_: unknown, args: { input: unknown }, ctx: CjgContext) {
    const input = parseInput(stopInput, args.input);
    return stepTraject(ctx, input, 'stopZorg', 'stopJeugdhulp', (t, today) => {
      notBefore(notAfterToday(input.einddatum, today, 'einddatum'), t.startdatum, 'einddatum', 'the start of the care');
      return { statusSinds: input.einddatum, einddatum: input.einddatum, redenBeeindiging: input.redenBeeindiging };
    });
  },

  registerCjgContactmoment(_: unknown, args: { input: unknown }, ctx: CjgContext) {
    return registerContactmoment(ctx, 'CJG', tables, args.input);
  },
};
