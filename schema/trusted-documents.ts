/**
 * The trusted-documents manifest: every operation LoketLink's clients send, in the Apollo persisted query
 * manifest format. In production the gateway runs only these (gateway/trusted-documents.ts). `npm run
 * manifest` writes `schema/trusted-documents.json` from `schema/operations.ts` (the README's, the tests'
 * and the benchmark's) and the web application's operations as codegen wrote them (app/src/gql/graphql.ts,
 * the texts the screens send); a test fails when the committed file is stale.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import * as operations from './operations';
import * as screens from '../app/src/gql/graphql';

export const MANIFEST_PATH = fileURLToPath(new URL('./trusted-documents.json', import.meta.url));

export interface ManifestOperation {
  /** SHA-256 of `body`, hex: what a client sends as `extensions.persistedQuery.sha256Hash` or `documentId`. */
  id: string;
  body: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
}

export interface Manifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: ManifestOperation[];
}

export function documentId(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The web application's operations: the `…Document` exports of its generated module, as the screens send them. */
export function screenOperations(): string[] {
  return Object.entries(screens)
    .filter(([name, value]) => name.endsWith('Document') && value instanceof String)
    .map(([, value]) => value.toString());
}

/** One entry per operation text, by name; the body is the text exactly as clients send it. */
export function buildManifest(documents: readonly string[] = [...Object.values(operations), ...screenOperations()]): Manifest {
  const entries = documents.map((body): ManifestOperation => {
    const definitions = parse(body).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (definitions.length !== 1 || !definitions[0]!.name) throw new Error(`a trusted document holds one named operation:\n${body}`);
    return { id: documentId(body), body, name: definitions[0]!.name.value, type: definitions[0]!.operation };
  });
  const names = entries.map((e) => e.name);
  const twice = names.filter((name, i) => names.indexOf(name) !== i);
  if (twice.length) throw new Error(`operation names must be unique in the manifest: ${twice.join(', ')}`);
  return { format: 'apollo-persisted-query-manifest', version: 1, operations: entries.sort((a, b) => a.name.localeCompare(b.name)) };
}

export function manifestText(manifest = buildManifest()): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(MANIFEST_PATH, manifestText());
  console.log(`wrote ${MANIFEST_PATH}`);
}
