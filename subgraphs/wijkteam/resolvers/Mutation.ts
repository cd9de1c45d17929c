import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { amsterdamDate } from '../../kit/dates';
import { badUserInput, ErrorCode, notFound, parseInput } from '../../kit/errors';
import { toContactmoment } from '../../kit/loket';
import { invoerHash, notInFuture, registerContactmomentInput } from '../../kit/schrijven';
import type { WijkteamContext } from '../context';
import type { CasusRecord, GrondslagRow } from '../repository';
import { casusAccess, isCasusLid, isOpen } from '../toegang';

/** `Date` arguments arrive as JS Dates at midnight UTC: the calendar date is the ISO date part. */
const calendarDate = z.date().transform((d) => d.toISOString().slice(0, 10));

const registerSchema = z
  .object({
    idempotencyKey: z.string().trim().min(8, 'use a UUID or another key of at least 8 characters').max(100),
    casusId: z.uuid('must be a casus id'),
    soort: z.enum(['TOESTEMMING', 'INTEGRALE_AANPAK']),
    domeinen: z
      .array(z.enum(['WMO', 'CJG', 'WERKPLEIN'], 'must be WMO, CJG or WERKPLEIN: the wijkteam needs no basis for its own records'))
      .min(1, 'name at least one loket')
      .transform((d) => [...new Set(d)]),
    geldigVan: calendarDate,
    geldigTot: calendarDate.nullish(),
    toelichting: z.string().trim().min(10, 'explain the basis in at least 10 characters').max(2000),
  })
  .refine((i) => !i.geldigTot || i.geldigTot >= i.geldigVan, { message: 'must not be before geldigVan', path: ['geldigTot'] });

const revokeSchema = z.object({
  id: z.uuid('must be a Grondslag id'),
  version: z.number().int().min(1),
  reden: z.string().trim().min(5, 'give the reason in at least 5 characters').max(2000),
});

/** The loket version keys on the resident's BSN; the wijkteam's own contact moment hangs on its casus. */
const contactmomentSchema = registerContactmomentInput.omit({ bsn: true }).extend({ casusId: z.uuid('must be a casus id') });

/** The casus writes: each must be named under `schrijven` of the caller's purpose (verwerkingsactiviteiten.yaml). */
type CasusActie = 'registerGrondslag' | 'revokeGrondslag' | 'registerWijkteamContactmoment';

/**
 * Only the regisseur and team of an open casus write to it (its Grondslagen, its contact moments), under a
 * purpose that covers the write. One decision, logged once as a write about the household: allowed, or
 * refused with no basis.
 */
function requireCasusWrite(ctx: WijkteamContext, casus: CasusRecord | undefined, actie: CasusActie): CasusRecord {
  const lid = !casus || (isCasusLid(casus, ctx.access.actor) && isOpen(casus, amsterdamDate(ctx.clock.now())));
  ctx.access.require({
    ...casusAccess(casus, 'INHOUD'),
    handeling: 'SCHRIJVEN',
    actie,
    voorwaarde: { voldaan: lid, weigering: 'Only the regisseur and team of an open casus write its Grondslagen and contact moments' },
  });
  if (!casus) throw notFound('No such casus');
  return casus;
}

function versionConflict(version: number): GraphQLError {
  return new GraphQLError(`Version ${version} is not current: reload the Grondslag and try again`, { extensions: { code: ErrorCode.VERSION_CONFLICT } });
}

function sameRegistration(row: GrondslagRow, input: z.infer<typeof registerSchema>): boolean {
  return row.casusId === input.casusId && row.soort === input.soort && [...row.domeinen].sort().join() === [...input.domeinen].sort().join();
}

export const Mutation = {
  async registerGrondslag(_: unknown, args: { input: unknown }, ctx: WijkteamContext) {
    const input = parseInput(registerSchema, args.input);
    const casus = requireCasusWrite(ctx, await ctx.repository.casus(input.casusId), 'registerGrondslag');
    const { actor } = ctx.access;
    // The Grondslag and its log entry are stored together or not at all.
    return ctx.db.transaction(async (tx) => {
      const { row, created } = await ctx.repository.registerGrondslag(tx, {
        id: crypto.randomUUID(),
        casusId: casus.id,
        idempotencyKey: input.idempotencyKey,
        soort: input.soort,
        domeinen: input.domeinen,
        geldigVan: input.geldigVan,
        geldigTot: input.geldigTot ?? null,
        toelichting: input.toelichting,
        vastgelegdDoor: actor.naam,
        vastgelegdDoorSub: actor.sub,
        vastgelegdOp: new Date().toISOString(),
      });
      if (!created && !sameRegistration(row, input)) {
        throw badUserInput('This idempotencyKey was already used for a different registration', 'idempotencyKey');
      }
      await ctx.access.log.flush(tx);
      return row;
    });
  },

  async registerWijkteamContactmoment(_: unknown, args: { input: unknown }, ctx: WijkteamContext) {
    const input = parseInput(contactmomentSchema, args.input);
    notInFuture(input.tijdstip, ctx.clock);
    const casus = requireCasusWrite(ctx, await ctx.repository.casus(input.casusId), 'registerWijkteamContactmoment');
    const { actor } = ctx.access;
    // The contact moment and its log entry are stored together or not at all.
    const row = await ctx.db.transaction(async (tx) => {
      const { row } = await ctx.repository.registerContactmoment(tx, {
        id: crypto.randomUUID(),
        dossierId: casus.id,
        tijdstip: input.tijdstip.toISOString(),
        kanaal: input.kanaal,
        onderwerp: input.onderwerp,
        notitie: input.notitie,
        medewerker: actor.naam,
        // About the household the casus is on, not one resident: the casus' clients are the log's data subjects.
        bsn: null,
        idempotencyKey: input.idempotencyKey,
        aangemaaktDoor: actor.sub,
        invoerHash: invoerHash(input),
      });
      await ctx.access.log.flush(tx);
      return row;
    });
    // The writer is on the casus, so sees its content (INHOUD of the wijkteam's own domain).
    return toContactmoment(row, 'WIJKTEAM');
  },

  async revokeGrondslag(_: unknown, args: { input: unknown }, ctx: WijkteamContext) {
    const input = parseInput(revokeSchema, args.input);
    const grondslag = await ctx.repository.grondslag(input.id);
    requireCasusWrite(ctx, grondslag && (await ctx.repository.casus(grondslag.casusId)), 'revokeGrondslag');
    if (!grondslag) throw notFound('No such Grondslag');
    // The version comes first: a client that saw an older version learns that someone changed it since.
    if (grondslag.version !== input.version) throw versionConflict(input.version);
    if (grondslag.ingetrokkenOp) {
      throw new GraphQLError('This Grondslag is already revoked', { extensions: { code: ErrorCode.INVALID_TRANSITION, status: 'INGETROKKEN' } });
    }
    return ctx.db.transaction(async (tx) => {
      const row = await ctx.repository.revokeGrondslag(tx, {
        id: grondslag.id,
        version: input.version,
        ingetrokkenOp: new Date().toISOString(),
        ingetrokkenDoor: ctx.access.actor.naam,
        intrekkingsreden: input.reden,
      });
      if (!row) throw versionConflict(input.version);
      await ctx.access.log.flush(tx);
      return row;
    });
  },
};
