import { GraphQLError } from 'graphql';
import type { z } from 'zod';

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
  /** An update named a version that is no longer current: someone else changed it first; reload and retry. */
  VERSION_CONFLICT: 'VERSION_CONFLICT',
  /** A step that the current state does not allow (revoking what is already revoked). */
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  /** The gateway could not reach a subgraph; `extensions.service` names it. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** A subgraph did not answer within the fetch timeout; `extensions.service` names it. */
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
  // Refusals at the gateway's door (gateway/door.ts), each with its own HTTP status; see the README's limits.
  /** The HTTP request is not a GraphQL request: not JSON, not an object, a GET with an operation. */
  BAD_REQUEST: 'BAD_REQUEST',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  REQUEST_TOO_LARGE: 'REQUEST_TOO_LARGE',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  /** No operation of that name, or several and no `operationName`. */
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  /** Subscriptions: LoketLink has none. */
  OPERATION_NOT_SUPPORTED: 'OPERATION_NOT_SUPPORTED',
  QUERY_TOO_MANY_TOKENS: 'QUERY_TOO_MANY_TOKENS',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_MANY_ALIASES: 'QUERY_TOO_MANY_ALIASES',
  QUERY_TOO_MANY_ROOT_FIELDS: 'QUERY_TOO_MANY_ROOT_FIELDS',
  QUERY_TOO_MANY_DIRECTIVES: 'QUERY_TOO_MANY_DIRECTIVES',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  /** A trusted-document id the manifest does not hold. */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** A persisted-query hash sent with a query text it is not the SHA-256 of. */
  PERSISTED_QUERY_HASH_MISMATCH: 'PERSISTED_QUERY_HASH_MISMATCH',
  /** Production runs only the operations of the trusted-documents manifest. */
  OPERATION_NOT_TRUSTED: 'OPERATION_NOT_TRUSTED',
  CORS_ORIGIN_NOT_ALLOWED: 'CORS_ORIGIN_NOT_ALLOWED',
  /** Too many requests from one caller; `Retry-After` says when to try again. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The request took longer than the gateway's execution timeout. */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  /** A policy figures table is being computed (subgraphs/beleid): ask again in a minute. */
  FIGURES_BEING_COMPUTED: 'FIGURES_BEING_COMPUTED',
  /** The gateway is working on as many requests as it takes at once: try again after Retry-After. */
  OVERLOADED: 'OVERLOADED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * A GraphQLError for an expected outcome (a refusal, withheld content), made without a stack trace. A
 * household picture can carry dozens (one per withheld contact moment), a stack says nothing about a
 * refusal, and capturing one per error showed in the benchmark's CPU profiles.
 */
export function expectedError(message: string, code: ErrorCode | string): GraphQLError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const error = new GraphQLError(message, { extensions: { code } });
    // Set, not formatted: graphql-js reads `stack` when it wraps the error with its path, and formatting
    // even an empty trace runs the source-map support that tsx installs.
    error.stack = `GraphQLError: ${message}`;
    return error;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function badUserInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND } });
}

/** Validates a mutation input; the first problem becomes BAD_USER_INPUT naming the field. */
export function parseInput<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.');
  throw badUserInput(`${field ? `"${field}": ` : ''}${issue.message}`, field || undefined);
}
