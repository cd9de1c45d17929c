import { createRequire } from 'node:module';
import { pino, type DestinationStream } from 'pino';

/**
 * The service log: JSON lines on stdout (pino), level from `LOG_LEVEL` (default `info`). It is read by
 * operators, so it never holds a BSN, a name, a token, variables or query text: errors go through
 * `safeError`, which keeps what an operator acts on (kind, code, the database's message with its values
 * taken out) and drops what a failed statement drags along (its parameters).
 */
export const logger = pino(
  {
    level: process.env.LOG_LEVEL || 'info',
    // pino's own `err` serializer prints message and stack as they are; ours redacts first.
    serializers: { err: safeError },
  },
  destination(),
);

/**
 * JSON lines through process.stdout (not a file descriptor of pino's own, so a test can read what a run
 * logged); in a terminal in development, pino-pretty's readable lines instead, when it is installed (a dev
 * dependency: an image without it logs JSON).
 */
function destination(): DestinationStream {
  if (!process.stdout.isTTY || process.env.NODE_ENV === 'production') return process.stdout;
  try {
    const pretty = createRequire(import.meta.url)('pino-pretty') as (options: object) => DestinationStream;
    return pretty({ colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname', destination: process.stdout });
  } catch {
    return process.stdout;
  }
}

export interface SafeError {
  type: string;
  code?: string;
  message: string;
  cause?: SafeError;
}

const MAX_DEPTH = 4;

/** An error as it may be logged: values in its message redacted, parameters and stacks left out. */
export function safeError(error: unknown, depth = 0): SafeError {
  if (typeof error !== 'object' || error === null) return { type: typeof error, message: redact(String(error)) };
  // An Error, or what a library throws that looks like one (a GraphQL error as plain data).
  const { name, message, code } = error as { name?: unknown; message?: unknown; code?: unknown };
  const safe: SafeError = { type: typeof name === 'string' ? name : error.constructor?.name || 'object', message: redact(typeof message === 'string' ? message : JSON.stringify(error) ?? '') };
  if (typeof code === 'string' || typeof code === 'number') safe.code = String(code);
  // graphql-js keeps what a resolver threw as `originalError`; drizzle keeps the driver's error as `cause`.
  const cause = (error as { cause?: unknown }).cause ?? (error as { originalError?: unknown }).originalError;
  if (cause !== undefined && cause !== null && depth < MAX_DEPTH) safe.cause = safeError(cause, depth + 1);
  return safe;
}

/**
 * Takes the values out of a message: drizzle appends a failed statement's parameters (`params: …`), and
 * Postgres quotes the offending value (`invalid input syntax for type integer: "999…"`). What is left says
 * what went wrong, not about whom.
 */
export function redact(message: string): string {
  return message
    .replace(/\nparams:[\s\S]*$/, '')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'") // SQL literals
    .replace(/: "(?:[^"\\]|\\.)*"/g, ': "…"') // a value Postgres quotes (identifiers in SQL stay)
    .replace(/\d{5,}/g, '#')
    .slice(0, 300);
}
