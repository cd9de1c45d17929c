import type { GraphQLResolveInfo } from 'graphql';
import { requireBsn } from '../../kit/bsn-input';
import { decodeCursor, encodeCursor, requirePageSize } from '../../kit/cursor';
import { badUserInput } from '../../kit/errors';
import { Selection } from '../../kit/selection';
import { requireBrpBrowse, visibleHuishouden, visiblePersoon } from '../access';
import { requireHuisnummer, requirePostcode } from '../adres';
import type { BrpContext } from '../context';
import { toWijk } from './Huishouden';
import { VerwerkingslogQuery } from './Verwerkingslog';
import { persoonParts } from './Persoon';

const MAX_PAGE = 100;
const WIJK_CODE = /^WK\d{6}$/;

interface HuishoudensArgs {
  wijk?: string | null;
  postcode?: string | null;
  huisnummer?: number | null;
  first: number;
  after?: string | null;
}

export const Query = {
  ...VerwerkingslogQuery,

  async huishouden(_: unknown, { id }: { id: string }, ctx: BrpContext) {
    return visibleHuishouden(ctx, await ctx.huishoudens.load(id));
  },

  async persoon(_: unknown, { bsn }: { bsn: string }, ctx: BrpContext, info: GraphQLResolveInfo) {
    return visiblePersoon(ctx, await ctx.personen(persoonParts(Selection.of(info, 'Persoon'))).load(requireBsn(bsn)));
  },

  async huishoudens(_: unknown, args: HuishoudensArgs, ctx: BrpContext) {
    const limit = requirePageSize(args.first, MAX_PAGE);
    if (args.wijk && !WIJK_CODE.test(args.wijk)) throw badUserInput('"wijk" must be a CBS wijk code like WK999901', 'wijk');
    const postcode = args.postcode == null ? undefined : requirePostcode(args.postcode);
    if (args.huisnummer != null && postcode === undefined) throw badUserInput('"huisnummer" needs a "postcode"', 'huisnummer');
    const huisnummer = args.huisnummer == null ? undefined : requireHuisnummer(args.huisnummer);
    requireBrpBrowse(ctx); // role and purpose first: a refused caller costs no query
    // Only the caller's gemeenten: another gemeente's households never reach the page.
    const scope = { gemeenten: ctx.access.actor.gemeenten, wijk: args.wijk ?? undefined, postcode, huisnummer };
    const rows = await ctx.repository.huishoudenPage({ ...scope, after: args.after ? decodeCursor(args.after) : undefined, limit });
    const page = rows.slice(0, limit).map((row) => visibleHuishouden(ctx, row)!);
    return {
      edges: page.map((row) => ({ cursor: encodeCursor(row.id), node: row })),
      pageInfo: { hasNextPage: rows.length > limit, endCursor: page.length ? encodeCursor(page[page.length - 1]!.id) : null },
      // Counted only when asked: the count is a second statement, the page alone is one.
      totalCount: () => ctx.repository.countHuishoudens(scope),
    };
  },

  // Wijk names are not person data: nothing to log. The caller still needs a role and purpose that may page
  // through households, which is what the list is for.
  async wijken(_: unknown, _args: unknown, ctx: BrpContext) {
    requireBrpBrowse(ctx);
    return (await ctx.repository.wijken(ctx.access.actor.gemeenten)).map(toWijk);
  },
};
