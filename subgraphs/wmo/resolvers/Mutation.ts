/**
 * The Wmo-loket's writes: each a step of the chain (domain/), decided and logged as a write (kit/schrijven.ts),
 * stored with its log entry in one transaction. Order of checks for an update: the record exists (in the
 * caller's gemeenten), the caller may write it, the version it names is current, the step is allowed from
 * the current state, the dates fit; then the write.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isValidBsn } from '../../kit/bsn';
import type { Database } from '../../kit/database';
import { KANALEN, ZRM_DOMEINEN } from '../../kit/domein';
import { notFound, parseInput } from '../../kit/errors';
import { aanbiederInput, LEVERINGSVORMEN, omvangInput, productcodeInput } from '../../kit/istandaarden';
import { openDossierFor } from '../../kit/loket';
import { invalidTransition, magStap, volgendeStatus } from '../../kit/proces';
import { vraagBewoning } from '../../kit/bewoning';
import {
  calendarDate,
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
import { openStapRow } from '../../kit/stappen';
import { WMO_PRODUCTCATEGORIE } from '../codelijsten';
import type { WmoContext } from '../context';
import * as tables from '../db/schema';
import { aanvraagStatus, meldingProces, type MeldingStap, type MeldingStatus } from '../domain/melding';
import { verzoekAntwoordUiterlijk, verzoekOpenStap, verzoekProces, voorzieningProces, type VoorzieningStap, type VoorzieningStatus } from '../domain/voorziening';
import { meldingAfgeleidKolommen, voorzieningAfgeleidKolommen, voorzieningStand, type MeldingRow, type ToewijzingRow, type VerzoekRow, type VoorzieningRow } from '../repository';

type Tx = Database<Record<string, unknown>>;
type MeldingChanges = Partial<typeof tables.melding.$inferInsert>;
type VoorzieningChanges = Partial<typeof tables.voorziening.$inferInsert>;

const bsn = z.string().refine(isValidBsn, 'must be a BSN: 9 digits that pass the 11-proef');
const meldingStap = { meldingId: z.string(), version: versie };
const voorzieningStap = { voorzieningId: z.string(), version: versie };

const registerMeldingInput = z.object({
  idempotencyKey,
  bsn,
  meldingsdatum: calendarDate.nullish(),
  kanaal: z.enum(KANALEN),
  onderwerp: tekst(3, 200),
  clientondersteuningGewenst: z.boolean().default(false),
});
const startOnderzoekInput = z.object({ ...meldingStap, gestartOp: calendarDate.nullish() });
const verslagInput = z.object({
  ...meldingStap,
  gespreksdatum: calendarDate,
  gesprekskanaal: z.enum(KANALEN),
  bevindingen: z
    .array(z.object({ domein: z.enum(ZRM_DOMEINEN), bevinding: tekst(3, 2000) }))
    .min(1, 'record what the brede intake found on at least one life domain')
    .refine((b) => new Set(b.map((x) => x.domein)).size === b.length, 'name each life domain at most once'),
  verslagVerstuurdOp: calendarDate,
});
const aanvraagInput = z.object({ ...meldingStap, ontvangenOp: calendarDate });
const productInput = z
  .object({
    productcategorie: z.string().refine((c) => c in WMO_PRODUCTCATEGORIE, 'must be an iWmo productcategorie, 01 to 18'),
    productcode: productcodeInput.nullish(),
    omvang: omvangInput,
    leveringsvorm: z.enum(LEVERINGSVORMEN),
    ingangsdatum: calendarDate,
    einddatum: calendarDate.nullish(),
  })
  .refine((p) => !p.einddatum || p.einddatum >= p.ingangsdatum, { message: 'must not be before ingangsdatum', path: ['einddatum'] });
const beschikkingInput = z
  .object({
    ...meldingStap,
    datum: calendarDate,
    besluit: z.enum(['TOEGEKEND', 'AFGEWEZEN']),
    producten: z.array(productInput).nullish(),
    redenAfwijzing: tekst(5, 2000).nullish(),
  })
  .superRefine((i, issues) => {
    const n = i.producten?.length ?? 0;
    if (i.besluit === 'TOEGEKEND' && n === 0) issues.addIssue({ code: 'custom', message: 'a grant names at least one product', path: ['producten'] });
    if (i.besluit === 'TOEGEKEND' && i.redenAfwijzing) issues.addIssue({ code: 'custom', message: 'a grant has no reason for refusal', path: ['redenAfwijzing'] });
    if (i.besluit === 'AFGEWEZEN' && !i.redenAfwijzing) issues.addIssue({ code: 'custom', message: 'a refusal gives its reason', path: ['redenAfwijzing'] });
    if (i.besluit === 'AFGEWEZEN' && n > 0) issues.addIssue({ code: 'custom', message: 'a refusal grants no products', path: ['producten'] });
  });
const withdrawInput = z.object({ ...meldingStap, reden: tekst(5, 2000) });
const toewijzingInput = z
  .object({
    idempotencyKey,
    ...voorzieningStap,
    aanbieder: aanbiederInput,
    toewijzingsdatum: calendarDate,
    ingangsdatum: calendarDate,
    einddatum: calendarDate.nullish(),
    omvang: omvangInput.nullish(),
    redenWijziging: tekst(2, 500).nullish(),
  })
  .refine((t) => !t.einddatum || t.einddatum >= t.ingangsdatum, { message: 'must not be before ingangsdatum', path: ['einddatum'] });
const startLeveringInput = z.object({ ...voorzieningStap, begindatum: calendarDate });
const stopLeveringInput = z.object({ ...voorzieningStap, einddatum: calendarDate, redenBeeindiging: tekst(2, 500) });
const endVoorzieningInput = z.object({ ...voorzieningStap, einddatum: calendarDate, reden: tekst(2, 500) });
const verzoekInput = z.object({ idempotencyKey, voorzieningId: z.string(), aanbieder: aanbiederInput, ontvangenOp: calendarDate });
const answerInput = z
  .object({ verzoekId: z.string(), version: versie, toewijzen: z.boolean(), datum: calendarDate, ingangsdatum: calendarDate.nullish(), redenAfwijzing: tekst(5, 2000).nullish() })
  .refine((a) => a.toewijzen || a.redenAfwijzing, { message: 'a refusal gives its reason', path: ['redenAfwijzing'] });

// --- meldingen ---------------------------------------------------------------------------------------------

async function loadMelding(ctx: WmoContext, id: string, actie: string) {
  const m = await ctx.repository.melding(requireId(id, 'melding'));
  if (!m) throw notFound('No such melding');
  requireLoketWrite(ctx.access, { loket: 'WMO', actie, gemeente: m.dossier.gemeenteCode, bsns: [m.bsn] });
  return m;
}

/**
 * One step on a melding: the version first, then whether the state allows the step, then the step's own
 * checks (`plan`: its dates), then the update with the terms and open step the domain derives, and
 * whatever else the step stores (`also`), all in the write's transaction.
 */
async function stepMelding(
  ctx: WmoContext,
  input: { meldingId: string; version: number },
  stap: MeldingStap,
  actie: string,
  plan: (m: MeldingRow, today: string) => MeldingChanges & { status?: MeldingStatus },
  also?: (tx: Tx, m: MeldingRow) => Promise<void>,
): Promise<MeldingRow> {
  const m = await loadMelding(ctx, input.meldingId, actie);
  requireVersion('melding', m, input.version);
  const status = volgendeStatus(meldingProces, m.status, stap);
  const changes = { status, ...plan(m, vandaag(ctx.clock)) };
  const next = { ...m, ...changes } as MeldingRow;
  return inTransaction(ctx.db, ctx.access, async (tx) => {
    const row = await updateVersioned<typeof tables.melding, MeldingRow>(tx, tables.melding, m.id, input.version, 'melding', {
      ...changes,
      behandelaar: ctx.access.actor.naam,
      ...meldingAfgeleidKolommen(next),
    });
    await also?.(tx, row);
    return row;
  });
}

/** The row of a voorziening a grant creates, with its open step (the toewijzing, by its ingangsdatum). */
function nieuweVoorziening(m: MeldingRow, p: z.infer<typeof productInput>, datum: string, behandelaar: string): typeof tables.voorziening.$inferInsert {
  const base = {
    id: crypto.randomUUID(),
    dossierId: m.dossierId,
    bsn: m.bsn,
    meldingId: m.id,
    productcategorie: p.productcategorie,
    productcode: p.productcode ?? null,
    ...p.omvang,
    leveringsvorm: p.leveringsvorm,
    ingangsdatum: p.ingangsdatum,
    einddatum: p.einddatum ?? null,
    status: 'TOEGEKEND' as const,
    statusSinds: datum,
    behandelaar,
  };
  return { ...base, ...voorzieningAfgeleidKolommen(voorzieningStand(base)) };
}

// --- voorzieningen -----------------------------------------------------------------------------------------

async function loadVoorziening(ctx: WmoContext, id: string, actie: string) {
  const v = await ctx.repository.voorziening(requireId(id, 'voorziening'));
  if (!v) throw notFound('No such voorziening');
  requireLoketWrite(ctx.access, { loket: 'WMO', actie, gemeente: v.dossier.gemeenteCode, bsns: [v.bsn] });
  return v;
}

/** Whether the state allows the step; a pgb never goes to an aanbieder of the gemeente's. */
function requireVoorzieningStap(v: VoorzieningRow, stap: VoorzieningStap): VoorzieningStatus {
  if (v.leveringsvorm === 'PGB' && stap !== 'endVoorziening') {
    throw invalidTransition('voorziening', v.status, stap, ['endVoorziening'], 'a pgb is paid to the resident: there is no toewijzing or levering to record');
  }
  return volgendeStatus(voorzieningProces, v.status, stap);
}

/** Stores a voorziening's new state with its open step (and the toewijzing it now has, if any). */
async function updateVoorziening(tx: Tx, v: VoorzieningRow, version: number, changes: VoorzieningChanges, toewijzing: { ingangsdatum: string } | undefined, behandelaar: string) {
  const next = { ...v, ...changes } as VoorzieningRow;
  return updateVersioned<typeof tables.voorziening, VoorzieningRow>(tx, tables.voorziening, v.id, version, 'voorziening', {
    ...changes,
    behandelaar,
    ...voorzieningAfgeleidKolommen(voorzieningStand(next, toewijzing)),
  });
}

/** A toewijzing's row (iWmo 301) for a voorziening; the omvang is the beschikking's unless another is given. */
function toewijzingRow(v: VoorzieningRow, t: { aanbieder: { agbCode: string; naam: string }; toewijzingsdatum: string; ingangsdatum: string; einddatum?: string | null; omvang?: z.infer<typeof omvangInput> | null; redenWijziging?: string | null }) {
  return {
    id: crypto.randomUUID(),
    voorzieningId: v.id,
    aanbiederAgb: t.aanbieder.agbCode,
    aanbiederNaam: t.aanbieder.naam,
    productcategorie: v.productcategorie,
    productcode: v.productcode,
    volume: t.omvang?.volume ?? v.volume,
    eenheid: t.omvang?.eenheid ?? v.eenheid,
    frequentie: t.omvang?.frequentie ?? v.frequentie,
    toewijzingsdatum: t.toewijzingsdatum,
    ingangsdatum: t.ingangsdatum,
    einddatum: t.einddatum ?? v.einddatum,
    redenWijziging: t.redenWijziging ?? null,
  };
}

/** A toewijzing's dates within the right's period, and not before the decision it follows. */
function checkToewijzing(v: VoorzieningRow, t: { toewijzingsdatum: string; ingangsdatum: string; einddatum?: string | null }, today: string, veld = '') {
  notAfterToday(t.toewijzingsdatum, today, `${veld}toewijzingsdatum`);
  notBefore(t.toewijzingsdatum, v.statusSinds, `${veld}toewijzingsdatum`, 'the beschikking or the stop it follows');
  notBefore(t.ingangsdatum, v.ingangsdatum, `${veld}ingangsdatum`, "the right's ingangsdatum");
  if (v.einddatum && t.ingangsdatum > v.einddatum) notBefore(v.einddatum, t.ingangsdatum, `${veld}ingangsdatum`, "the right's einddatum");
  if (v.einddatum && t.einddatum && t.einddatum > v.einddatum) notBefore(v.einddatum, t.einddatum, `${veld}einddatum`, "the right's einddatum");
}

const reload = async (ctx: WmoContext, id: string) => (await ctx.repository.voorziening(id))!;

/**
 * What the aanbieder reports on the current toewijzing (iWmo 305, 307): the toewijzing's columns and the
 * voorziening's new state, in one transaction; `plan` checks the dates and says what changes.
 */
async function stepLevering(
  ctx: WmoContext,
  input: { voorzieningId: string; version: number },
  stap: 'startLevering' | 'stopLevering',
  actie: string,
  plan: (toewijzing: ToewijzingRow, today: string) => { toewijzing: Partial<ToewijzingRow>; sinds: string; huidig: ToewijzingRow | undefined },
) {
  const v = await loadVoorziening(ctx, input.voorzieningId, actie);
  requireVersion('voorziening', v, input.version);
  const status = requireVoorzieningStap(v, stap);
  const current = v.toewijzingen[0]!; // TOEGEWEZEN or IN_LEVERING: the newest toewijzing is the one delivering
  const change = plan(current, vandaag(ctx.clock));
  await inTransaction(ctx.db, ctx.access, async (tx) => {
    await tx.update(tables.toewijzing).set(change.toewijzing).where(eq(tables.toewijzing.id, current.id));
    await updateVoorziening(tx, v, input.version, { status, statusSinds: change.sinds }, change.huidig, ctx.access.actor.naam);
  });
  return reload(ctx, v.id);
}

export const Mutation = {
  async registerWmoMelding(_: unknown, args: { input: unknown }, ctx: WmoContext) {
    const input = parseInput(registerMeldingInput, args.input);
    const today = vandaag(ctx.clock);
    const meldingsdatum = notAfterToday(input.meldingsdatum ?? today, today, 'meldingsdatum');
    const bewoning = await vraagBewoning(ctx.access, ctx.peers, input.bsn);
    const eigen = requireLoketWrite(ctx.access, { loket: 'WMO', actie: 'registerWmoMelding', gemeente: bewoning.gemeenteCode, bsns: [input.bsn], overdracht: true });
    const melding = await inTransaction(ctx.db, ctx.access, async (tx) => {
      const dossier = await openDossierFor(tx, tables.dossier, { ...bewoning, bsn: input.bsn, contactpersoon: nieuweContactpersoon(ctx.access, 'WMO', eigen), vandaag: today });
      const status = 'ONTVANGEN' as const;
      const { row } = await insertIdempotent<typeof tables.melding, MeldingRow>(tx, tables.melding, {
        id: crypto.randomUUID(),
        dossierId: dossier.id,
        bsn: input.bsn,
        meldingsdatum,
        kanaal: input.kanaal,
        onderwerp: input.onderwerp,
        status,
        geregistreerdVia: eigen ? 'WMO' : 'KCC',
        clientondersteuningGewenst: input.clientondersteuningGewenst,
        // The consulent who took it in handles it; one the KCC handed over goes to the file's contact person.
        behandelaar: eigen ? ctx.access.actor.naam : dossier.contactpersoonNaam,
        idempotencyKey: input.idempotencyKey,
        aangemaaktDoor: ctx.access.actor.sub,
        invoerHash: invoerHash(input),
        ...meldingAfgeleidKolommen({ status, meldingsdatum, aanvraagOntvangenOp: null }),
      });
      return row;
    });
    return {
      meldingId: melding.id,
      meldingsdatum: melding.meldingsdatum,
      onderzoekUiterlijk: melding.onderzoekUiterlijk,
      persoonlijkPlanUiterlijk: melding.persoonlijkPlanUiterlijk,
      clientondersteuningGewenst: melding.clientondersteuningGewenst,
      melding,
      gemeenteCode: bewoning.gemeenteCode,
    };
  },

  async startWmoOnderzoek(_: unknown, args: { input: unknown }, ctx: WmoContext) {
    const input = parseInput(startOnderzoekInput, args.input);
    return stepMelding(ctx, input, 'startOnderzoek', 'startWmoOnderzoek', (m, today) => {
      const gestartOp = notAfterToday(input.gestartOp ?? today, today, 'gestartOp');
      return { onderzoekGestartOp: notBefore(gestartOp, m.meldingsdatum, 'gestartOp', 'the melding') };
    });
  },

  async recordWmoVerslag(_: unknown, args: { input: unknown }, ctx: WmoContext) {
    const input = parseInput(verslagInput, args.input);
    return stepMelding(ctx, input, 'recordVerslag', 'recordWmoVerslag', (m, today) => {
      notBefore(notAfterToday(input.gespreksdatum, today, 'gespreksdatum'), m.onderzoekGestartOp, 'gespreksdatum', 'the start of the onderzoek');
      notBefore(notAfterToday(input.verslagVerstuurdOp, today, 'verslagVerstuurdOp'), input.gespreksdatum, 'verslagVerstuurdOp', 'the conversation');
      return { gespreksdatum: input.gespreksdatum, gesprekskanaal: input.gesprekskanaal, bevindingen: input.bevindingen, verslagVerstuurdOp: input.verslagVerstuurdOp };
    });
  },

  async registerWmoAanvraag(_: unknown, args: { input: unknown }, ctx: WmoContext) {
    const input = parseInput(aanvraagInput, args.input);
    return stepMelding(ctx, input, 'registerAanvraag', 'registerWmoAanvraag', (m, today) => {
      notBefore(notAfterToday(input.ontvangenOp, today, 'ontvangenOp'), m.verslagVerstuurdOp ?? m.meldingsdatum, 'ontvangenOp', m.verslagVerstuurdOp ? 'the verslag' : 'the melding');
      return { status: aanvraagStatus(m, input.ontvangenOp), aanvraagOntvangenOp: input.ontvangenOp };
    });
  },

  async recordWmoBeschikking(_: unknown, args: { input: unknown }, ctx: WmoContext) {
    const input = parseInput(beschikkingInput, args.input);
    const producten = input.producten ?? [];
    return stepMelding(
      ctx,
      input,
      'recordBeschikking',
      'recordWmoBeschikking',
      (m, today) => {
        notBefore(notAfterToday(input.datum, today, 'datum'), m.aanvraagOntvangenOp, 'datum', 'the aanvraag');
        producten.forEach((p, i) => notBefore(p.ingangsdatum, m.meldingsdatum, `producten.${i}.ingangsdatum`, 'the melding'));
        return { beschikkingsdatum: input.datum, besluit: input.besluit, redenAfwijzing: input.redenAfwijzing ?? null };
      },
      async (tx, m) => {
        if (producten.length) await tx.insert(tables.voorziening).values(producten.map((p) => nieuweVoorziening(m, p, input.datum, ctx.access.actor.naam)));
      },
    );
  },

  async withdrawWmoMelding(_: unknown, args: { input: unknown }, ctx: WmoContext) {
    const input = parseInput(withdrawInput, args.input);
    return stepMelding(ctx, input, 'withdraw', 'withdrawWmoMelding', (_m, today) => ({ ingetrokkenOp: today, redenIntrekking: input.reden }));
  },

  async assignWmoToewijzing(_: unknown, args: { input: unknown }, ctx: WmoContext) {
    const input = parseInput(toewijzingInput, args.input);
    const v = await loadVoorziening(ctx, input.voorzieningId, 'assignWmoToewijzing');
    const hash = invoerHash(input);
    // A retry of a toewijzing already stored answers as the first call did, whatever the version is now.
    const stored = await ctx.repository.toewijzingByKey(input.idempotencyKey);
    if (stored) return reload(ctx, requireSameRequest(stored, ctx.access.actor.sub, hash).voorzieningId);
    requireVersion('voorziening', v, input.version);
    const status = requireVoorzieningStap(v, 'assignToewijzing');
    checkToewijzing(v, input, vandaag(ctx.clock));
    await inTransaction(ctx.db, ctx.access, async (tx) => {
      const { row } = await insertIdempotent<typeof tables.toewijzing, ToewijzingRow>(tx, tables.toewijzing, {
        ...toewijzingRow(v, input),
        idempotencyKey: input.idempotencyKey,
        aangemaaktDoor: ctx.access.actor.sub,
        invoerHash: hash,
      });
      await updateVoorziening(tx, v, input.version, { status, statusSinds: input.toewijzingsdatum }, row, ctx.access.actor.naam);
    });
    return reload(ctx, v.id);
  },

  async startWmoLevering(_: unknown, args: { input: unknown }, ctx: WmoContext) {
    const input = parseInput(startLeveringInput, args.input);
    return stepLevering(ctx, input, 'startLevering', 'startWmoLevering', (toewijzing, today) => {
      notBefore(notAfterToday(input.begindatum, today, 'begindatum'), toewijzing.ingangsdatum, 'begindatum', "the toewijzing's ingangsdatum");
      return { toewijzing: { leveringBegindatum: input.begindatum }, sinds: input.begindatum, huidig: toewijzing };
    });
  },

  async stopWmoLevering(_: unknown, args: { input: unknown }, ctx: WmoContext) {
    const input = parseInput(stopLeveringInput, args.input);
    return stepLevering(ctx, input, 'stopLevering', 'stopWmoLevering', (toewijzing, today) => {
      notBefore(notAfterToday(input.einddatum, today, 'einddatum'), toewijzing.leveringBegindatum, 'einddatum', 'the start of the levering');
      return { toewijzing: { leveringEinddatum: input.einddatum, redenBeeindiging: input.redenBeeindiging }, sinds: input.einddatum, huidig: undefined };
    });
  },

  async endWmoVoorziening(_: unknown, args: { input: unknown }, ctx: WmoContext) {
    const input = parseInput(endVoorzieningInput, args.input);
    const v = await loadVoorziening(ctx, input.voorzieningId, 'endWmoVoorziening');
    requireVersion('voorziening', v, input.version);
    const status = requireVoorzieningStap(v, 'endVoorziening');
    notBefore(input.einddatum, v.ingangsdatum, 'einddatum', "the right's ingangsdatum");
    await inTransaction(ctx.db, ctx.access, (tx) =>
      updateVoorziening(tx, v, input.version, { status, statusSinds: input.einddatum, einddatum: input.einddatum, redenBeeindiging: input.reden }, undefined, ctx.access.actor.naam),
    );
    return reload(ctx, v.id);
  },

  async registerWmoVerzoekOmToewijzing(_: unknown, args: { input: unknown }, ctx: WmoContext) {
    const input = parseInput(verzoekInput, args.input);
    const v = await loadVoorziening(ctx, input.voorzieningId, 'registerWmoVerzoekOmToewijzing');
    const stored = await ctx.repository.verzoekByKey(input.idempotencyKey);
    if (stored) return requireSameRequest(stored, ctx.access.actor.sub, invoerHash(input));
    if (v.leveringsvorm === 'PGB' || !magStap(voorzieningProces, v.status, 'assignToewijzing')) {
      throw invalidTransition('voorziening', v.status, 'registerWmoVerzoekOmToewijzing', [], v.leveringsvorm === 'PGB' ? 'a pgb is assigned to no aanbieder' : 'it has an aanbieder or has ended: nothing to assign');
    }
    const ontvangenOp = notBefore(notAfterToday(input.ontvangenOp, vandaag(ctx.clock), 'ontvangenOp'), v.statusSinds, 'ontvangenOp', 'the beschikking');
    const antwoordUiterlijk = verzoekAntwoordUiterlijk(ontvangenOp);
    return inTransaction(ctx.db, ctx.access, async (tx) => {
      const { row } = await insertIdempotent<typeof tables.verzoekOmToewijzing, VerzoekRow>(tx, tables.verzoekOmToewijzing, {
        id: crypto.randomUUID(),
        dossierId: v.dossierId,
        bsn: v.bsn,
        voorzieningId: v.id,
        aanbiederAgb: input.aanbieder.agbCode,
        aanbiederNaam: input.aanbieder.naam,
        ontvangenOp,
        antwoordUiterlijk,
        status: 'ONTVANGEN',
        behandelaar: ctx.access.actor.naam,
        idempotencyKey: input.idempotencyKey,
        aangemaaktDoor: ctx.access.actor.sub,
        invoerHash: invoerHash(input),
        ...openStapRow(verzoekOpenStap({ status: 'ONTVANGEN', ontvangenOp, antwoordUiterlijk })),
      });
      return row;
    });
  },

  async answerWmoVerzoekOmToewijzing(_: unknown, args: { input: unknown }, ctx: WmoContext) {
    const input = parseInput(answerInput, args.input);
    const verzoek = await ctx.repository.verzoek(requireId(input.verzoekId, 'verzoek om toewijzing'));
    if (!verzoek) throw notFound('No such verzoek om toewijzing');
    requireLoketWrite(ctx.access, { loket: 'WMO', actie: 'answerWmoVerzoekOmToewijzing', gemeente: verzoek.dossier.gemeenteCode, bsns: [verzoek.bsn] });
    requireVersion('verzoek om toewijzing', verzoek, input.version);
    const status = volgendeStatus(verzoekProces, verzoek.status, input.toewijzen ? 'honour' : 'reject');
    const today = vandaag(ctx.clock);
    notBefore(notAfterToday(input.datum, today, 'datum'), verzoek.ontvangenOp, 'datum', 'the verzoek');
    const v = input.toewijzen ? (await ctx.repository.voorziening(verzoek.voorzieningId))! : undefined;
    const toewijzing = v && { aanbieder: { agbCode: verzoek.aanbiederAgb, naam: verzoek.aanbiederNaam }, toewijzingsdatum: input.datum, ingangsdatum: input.ingangsdatum ?? (v.ingangsdatum > input.datum ? v.ingangsdatum : input.datum) };
    const nextStatus = v ? requireVoorzieningStap(v, 'assignToewijzing') : undefined;
    if (v && toewijzing) checkToewijzing(v, toewijzing, today);
    return inTransaction(ctx.db, ctx.access, async (tx) => {
      let toewijzingId: string | null = null;
      if (v && toewijzing && nextStatus) {
        const [row] = await tx.insert(tables.toewijzing).values(toewijzingRow(v, toewijzing)).returning();
        toewijzingId = row!.id;
        await updateVoorziening(tx, v, v.version, { status: nextStatus, statusSinds: input.datum }, row, ctx.access.actor.naam);
      }
      return updateVersioned<typeof tables.verzoekOmToewijzing, VerzoekRow>(tx, tables.verzoekOmToewijzing, verzoek.id, input.version, 'verzoek om toewijzing', {
        status,
        beantwoordOp: input.datum,
        redenAfwijzing: input.redenAfwijzing ?? null,
        toewijzingId,
        behandelaar: ctx.access.actor.naam,
        ...openStapRow(null),
      });
    });
  },

  registerWmoContactmoment(_: unknown, args: { input: unknown }, ctx: WmoContext) {
    return registerContactmoment(ctx, 'WMO', tables, args.input);
  },
};
