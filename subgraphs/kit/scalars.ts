import { DateResolver, DateTimeISOResolver } from 'graphql-scalars';

/** Resolvers for the scalars in `scalars.graphql`; DateTime serializes to an ISO string. */
export const scalarResolvers = {
  Date: DateResolver,
  DateTime: DateTimeISOResolver,
};
