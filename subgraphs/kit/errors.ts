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
  /** The gateway could not reach a subgraph; `extensions.service` names it. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
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
