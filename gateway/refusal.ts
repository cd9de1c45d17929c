import type { ErrorCode } from '../subgraphs/kit/errors';

/**
 * A request the gateway's door turns away before anything is planned or executed: an HTTP status, a code
 * of its own (`extensions.code`) and a message a client developer can act on. Never a stack or a path.
 */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /** The GraphQL response body: one error, no data. */
  body(): { errors: { message: string; extensions: Record<string, unknown> }[] } {
    return { errors: [{ message: this.message, extensions: { code: this.code, ...this.extensions } }] };
  }
}

export const badRequest = (code: ErrorCode, message: string, extensions?: Record<string, unknown>) =>
  new Refusal(400, code, message, extensions);
