import { GraphQLError } from 'graphql';

/**
 * The error codes a client can rely on (`extensions.code`). Apollo's own codes (`GRAPHQL_VALIDATION_FAILED`,
 * `BAD_USER_INPUT`, ...) keep their meaning; ours are added here so that every subgraph speaks the same words.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  GRONDSLAG_REQUIRED: 'GRONDSLAG_REQUIRED',
  /** The gateway could not reach a subgraph; `extensions.service` names it. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function badUserInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) } });
}
