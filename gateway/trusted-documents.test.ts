import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HUISHOUDBEELD } from '../schema/operations';
import { buildManifest, documentId, MANIFEST_PATH, manifestText } from '../schema/trusted-documents';
import { Refusal } from './refusal';
import { readManifest, TrustedDocuments, type DocumentRequest } from './trusted-documents';

const code = (documents: TrustedDocuments, request: DocumentRequest) => {
  try {
    return documents.resolve(request);
  } catch (error) {
    return (error as Refusal).code;
  }
};

describe('the trusted-documents manifest', () => {
  it('is what schema/operations.ts holds today (run `npm run manifest` after changing an operation)', () => {
    expect(readFileSync(MANIFEST_PATH, 'utf8')).toBe(manifestText());
  });

  it('names every operation once, by the SHA-256 of its exact text', () => {
    const manifest = readManifest();
    expect(manifest.operations.map((o) => o.id)).toEqual(manifest.operations.map((o) => documentId(o.body)));
    expect(new Set(manifest.operations.map((o) => o.name)).size).toBe(manifest.operations.length);
    expect(() => buildManifest(['{ anonymous }'])).toThrow(/one named operation/);
  });

  it('runs only manifest operations where enforced, any operation where not', () => {
    const enforced = new TrustedDocuments(readManifest(), true);
    const open = new TrustedDocuments(readManifest(), false);
    const id = documentId(HUISHOUDBEELD);
    expect(code(enforced, { documentId: id })).toBe(HUISHOUDBEELD);
    expect(code(enforced, { documentId: `sha256:${id}` })).toBe(HUISHOUDBEELD);
    expect(code(enforced, { extensions: { persistedQuery: { version: 1, sha256Hash: id } } })).toBe(HUISHOUDBEELD);
    expect(code(enforced, { query: HUISHOUDBEELD })).toBe(HUISHOUDBEELD);
    expect(code(enforced, { query: '{ __typename }' })).toBe('OPERATION_NOT_TRUSTED');
    expect(code(open, { query: '{ __typename }' })).toBe('{ __typename }');
    expect(code(open, { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: id } } })).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    expect(code(open, { documentId: 'f'.repeat(64) })).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
