import type { GraphQLResolveInfo } from 'graphql';
import { requireBsn } from '../../kit/bsn-input';
import { decodeCursor, encodeCursor, requirePageSize } from '../../kit/cursor';
import { badUserInput } from '../../kit/errors';
import { Selection } from '../../kit/selection';
import type { BrpContext } from '../context';
import { huishoudenParts } from './Huishouden';
import { persoonParts } from './Persoon';

const MAX_PAGE = 100;
const WIJK_CODE = /^WK\d{6}$/;

interface HuishoudensArgs {
  wijk?: string | null;
  first: number;
  after?: string | null;
}

export const Query = {
  async huishouden(_: unknown, { id }: { id: string }, ctx: BrpContext, info: GraphQLResolveInfo) {
    return ctx.huishoudens(huishoudenParts(Selection.of(info, 'Huishouden'))).load(id);
  },

  async persoon(_: unknown, { bsn }: { bsn: string }, ctx: BrpContext, info: GraphQLResolveInfo) {
    return ctx.personen(persoonParts(Selection.of(info, 'Persoon'))).load(requireBsn(bsn));
  },

  async huishoudens(_: unknown, args: HuishoudensArgs, ctx: BrpContext, info: GraphQLResolveInfo) {
    const limit = requirePageSize(args.first, MAX_PAGE);
    if (args.wijk && !WIJK_CODE.test(args.wijk)) throw badUserInput('"wijk" must be a CBS wijk code like WK999901', 'wijk');
    const filter = { wijk: args.wijk ?? undefined, after: args.after ? decodeCursor(args.after) : undefined, limit };
    const node = Selection.of(info, 'HuishoudenConnection').child('edges', 'HuishoudenEdge').child('node', 'Huishouden');
    const rows = await ctx.repository.huishoudenPage(filter, new Set(huishoudenParts(node)));
    const page = rows.slice(0, limit);
    return {
      edges: page.map((row) => ({ cursor: encodeCursor(row.id), node: row })),
      pageInfo: { hasNextPage: rows.length > limit, endCursor: page.length ? encodeCursor(page[page.length - 1]!.id) : null },
      // Counted only when asked: the count is a second statement, the page alone is one.
      totalCount: () => ctx.repository.countHuishoudens(filter.wijk),
    };
  },
};
