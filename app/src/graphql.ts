/**
 * The screens' one way to the gateway: a named operation from src/operations (typed by codegen), POSTed to
 * this origin with the session's token and purpose. The text sent is the trusted-documents manifest's
 * text, so a production gateway runs it. Refused parts come back as errors with a path and a code; the
 * rest of the answer is still there.
 */
import type { TypedDocumentString } from './gql/graphql';
import type { Sessie } from './sessie';

export interface Fout {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

export interface Antwoord<R> {
  data: R | null;
  errors: Fout[];
  status: number;
}

/** Called with a 401: the session ended (the token expired); the app signs out. */
let onUnauthenticated: () => void = () => {};
export function bijVerlopenSessie(handler: () => void): void {
  onUnauthenticated = handler;
}

export async function vraag<R, V>(document: TypedDocumentString<R, V>, variables: V, sessie: Sessie): Promise<Antwoord<R>> {
  const query = document.toString();
  const operationName = /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sessie.token}`, 'x-doel': sessie.doel },
      body: JSON.stringify({ query, operationName, variables }),
    });
  } catch {
    return { data: null, errors: [{ message: 'De gateway is niet bereikbaar', extensions: { code: 'NETWORK_ERROR' } }], status: 0 };
  }
  const body = (await response.json().catch(() => ({}))) as { data?: R | null; errors?: Fout[] };
  if (response.status === 401) onUnauthenticated();
  return { data: body.data ?? null, errors: body.errors ?? [], status: response.status };
}

/** The errors of one part of the answer: those whose path starts with `prefix`. */
export function foutenOnder(errors: readonly Fout[], ...prefix: (string | number)[]): Fout[] {
  return errors.filter((e) => prefix.every((part, i) => e.path?.[i] === part));
}

/** The errors of exactly this part (a refused list or object), not of the fields inside it. */
export function foutenOp(errors: readonly Fout[], ...path: (string | number)[]): Fout[] {
  return foutenOnder(errors, ...path).filter((e) => e.path?.length === path.length);
}
