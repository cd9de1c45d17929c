/**
 * Trusted documents: LoketLink's clients are a closed set (the loket applications, the wijkteam screen,
 * dashboards), so in production the gateway runs only the operations of the committed manifest
 * (`schema/trusted-documents.json`), sent by id (`extensions.persistedQuery.sha256Hash`, or GraphQL over
 * HTTP's `documentId`) or as the manifest's exact text. Development accepts any operation.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ErrorCode } from '../subgraphs/kit/errors';
import { documentId, MANIFEST_PATH, type Manifest } from '../schema/trusted-documents';
import { badRequest } from './refusal';

const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(z.object({ id: z.string().regex(/^[0-9a-f]{64}$/), body: z.string(), name: z.string(), type: z.enum(['query', 'mutation', 'subscription']) })),
});

export function readManifest(path = MANIFEST_PATH): Manifest {
  return manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8'))) as Manifest;
}

/** The parts of a GraphQL-over-HTTP body that name the document. */
export interface DocumentRequest {
  query?: string;
  documentId?: string;
  extensions?: { persistedQuery?: { version?: unknown; sha256Hash?: unknown } };
}

const SHA256 = /^[0-9a-f]{64}$/;

export class TrustedDocuments {
  private readonly bodies: Map<string, string>;
  private readonly names: Map<string, string>;

  constructor(
    manifest: Manifest,
    /** True in production unless `ALLOW_ARBITRARY_OPERATIONS` is set: only the manifest runs. */
    readonly enforce: boolean,
  ) {
    this.bodies = new Map(manifest.operations.map((o) => [o.id, o.body]));
    this.names = new Map(manifest.operations.map((o) => [o.body, o.name]));
  }

  /** The manifest's name of an operation text, for metrics and the access log; `other` for any other text. */
  nameOf(query: string): string {
    return this.names.get(query) ?? 'other';
  }

  get size(): number {
    return this.bodies.size;
  }

  /** The query text a request runs, or a refusal: an unknown id, a hash that is not the text's, free text in production. */
  resolve(request: DocumentRequest): string {
    const id = this.idOf(request);
    const { query } = request;
    if (query !== undefined) {
      if (id !== undefined && documentId(query) !== id) {
        throw badRequest(ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, 'The persisted-query hash is not the SHA-256 of the query sent with it');
      }
      if (this.enforce && !this.bodies.has(id ?? documentId(query))) {
        throw badRequest(ErrorCode.OPERATION_NOT_TRUSTED, 'This gateway runs only the operations of its trusted-documents manifest: send one by its id');
      }
      return query;
    }
    if (id === undefined) throw badRequest(ErrorCode.BAD_REQUEST, 'Send "query", or a "documentId" from the trusted-documents manifest');
    const body = this.bodies.get(id);
    if (body === undefined) throw badRequest(ErrorCode.PERSISTED_QUERY_NOT_FOUND, 'No operation of the trusted-documents manifest has this id');
    return body;
  }

  private idOf(request: DocumentRequest): string | undefined {
    const persisted = request.extensions?.persistedQuery;
    if (persisted !== undefined) {
      if (persisted === null || typeof persisted !== 'object' || persisted.version !== 1 || typeof persisted.sha256Hash !== 'string' || !SHA256.test(persisted.sha256Hash)) {
        throw badRequest(ErrorCode.BAD_REQUEST, '"extensions.persistedQuery" needs version 1 and a sha256Hash of 64 hex digits');
      }
      return persisted.sha256Hash;
    }
    if (request.documentId === undefined) return undefined;
    const id = request.documentId.replace(/^sha256:/, '');
    if (!SHA256.test(id)) throw badRequest(ErrorCode.PERSISTED_QUERY_NOT_FOUND, '"documentId" is a SHA-256 of 64 hex digits, optionally prefixed "sha256:"');
    return id;
  }
}
