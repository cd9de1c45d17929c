import type { IncomingHttpHeaders } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorCode } from '../errors';
import { AccessControl, type CasusToegang, type RequestAuth } from './access';
import { parseCasusToegang } from './casus-toegang';
import type { AuthConfig } from './config';
import { HEADERS, signedBody, verify } from './gateway-credential';
import { ProcessingLog, type LogStore } from './log';
import { tokenVerifier, unauthenticated } from './token';
import { logger } from '../logger';

/** What every subgraph context carries besides its own loaders. */
export interface GuardedContext extends BaseContext {
  access: AccessControl;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * How a subgraph learns who is asking and keeps its processing log: `subgraphGuard` is the one every
 * service runs. The benchmark swaps in a guard that lets everything through unlogged, to measure what
 * authorization and logging cost (scripts/bench/unguarded.ts); nothing else does.
 */
export interface SubgraphGuard {
  /** The access of an in-process caller (tests), trusted like the gateway. */
  access(auth: RequestAuth): AccessControl;
  /** From the HTTP headers of a gateway request; throws UNAUTHENTICATED (HTTP 401) otherwise. */
  fromHeaders(headers: IncomingHttpHeaders): Promise<AccessControl>;
  /** For a JSON route (kit/http.ts): `fromHeaders`, with the signature checked over the route and its body. */
  fromRoute(headers: IncomingHttpHeaders, route: string, body: unknown): Promise<AccessControl>;
  plugin(): ApolloServerPlugin<GuardedContext>;
}
export type GuardFactory = (config: AuthConfig, store: LogStore) => SubgraphGuard;

/**
 * The subgraph side of the access model: who is asking (the token, verified here again: each loket decides
 * for itself), for which purpose, and whether the request came through the gateway (its signature). The
 * signature covers the operation too, which is only known once Apollo has parsed the body: `plugin()`
 * checks that part before anything executes.
 */
export function subgraphGuard(config: AuthConfig, store: LogStore): SubgraphGuard {
  const verifyToken = tokenVerifier(config);
  function access(auth: RequestAuth): AccessControl {
    return new AccessControl(auth, new ProcessingLog({ ...auth, key: config.subjectKey }, store));
  }
  /** The signature covers the operation (or route) and its variables (or body); in-process callers have none. */
  function checkSignature(access: AccessControl, query: string | undefined, variables: unknown): void {
    const { credential } = access.auth;
    if (!credential) return;
    const parts = { ...credential.parts, body: signedBody(query, variables) };
    if (!verify(config.gatewaySecret, parts, credential.signature)) {
      throw unauthenticated('This service answers the LoketLink gateway only');
    }
  }

  const guard: SubgraphGuard = {
    access,

    async fromRoute(headers, route, body) {
      const checked = await guard.fromHeaders(headers);
      checkSignature(checked, route, body);
      return checked;
    },

    async fromHeaders(headers) {
      const signature = header(headers, HEADERS.signature);
      if (!signature) throw unauthenticated('This service answers the LoketLink gateway only');
      const authorization = header(headers, 'authorization') ?? '';
      const parts = {
        timestamp: header(headers, HEADERS.timestamp) ?? '',
        traceId: header(headers, HEADERS.traceId) ?? '',
        purpose: header(headers, HEADERS.purpose) ?? '',
        authorization,
        casusToegang: header(headers, HEADERS.casusToegang) ?? '',
      };
      const actor = await verifyToken(authorization);
      // Parsed now, trusted only once the signature over it is checked (before anything executes).
      let casusToegang: ReadonlyMap<string, CasusToegang>;
      try {
        casusToegang = parseCasusToegang(parts.casusToegang);
      } catch {
        throw unauthenticated('This service answers the LoketLink gateway only');
      }
      return access({ actor, purpose: parts.purpose || null, traceId: parts.traceId, credential: { parts, signature }, casusToegang });
    },

    // Checks the signature over the parsed operation, names the log's operation, and writes the log.
    plugin() {
      return {
        async requestDidStart() {
          return {
            async didResolveOperation({ contextValue, request, operationName, operation }) {
              // Apollo clones the context per operation; the access object (and so the credential) is shared.
              checkSignature(contextValue.access, request.query, request.variables);
              const rootFields = (operation?.selectionSet.selections ?? []).flatMap((s) => (s.kind === 'Field' ? [s.name.value] : []));
              contextValue.access.log.operation = operationName ?? rootFields.join(',');
            },
            // Before the response leaves: data whose disclosure could not be logged is not disclosed.
            async willSendResponse({ contextValue, response }) {
              try {
                await contextValue.access?.log.flush();
              } catch (error) {
                logger.error({ err: error }, 'processing log write failed; response withheld');
                response.body = {
                  kind: 'single',
                  singleResult: {
                    errors: [{ message: 'The processing log could not be written, so nothing is disclosed', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }],
                  },
                };
              }
            },
          };
        },
      };
    },
  };
  return guard;
}
