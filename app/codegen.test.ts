/**
 * The web application's operation types are generated from the committed supergraph (codegen.ts): this
 * fails when a schema or operation change was not followed by `npm run codegen`, so the type check sees the
 * schema the gateway serves. Every screen operation is a trusted document, and none holds a field of the
 * person-level kind for the beleidsmedewerker's screen.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildManifest, screenOperations } from '../schema/trusted-documents';
import { readManifest } from '../gateway/trusted-documents';
import { GENERATED_FILE, generate, operationFiles } from './codegen';

describe('the web application’s operations', () => {
  it('have committed types that match the supergraph and the operation files (npm run codegen)', async () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(await generate());
  });

  it('are all named, and all in the committed trusted-documents manifest, with the text the screens send', () => {
    const names = operationFiles().flatMap(({ text }) => [...text.matchAll(/^(?:query|mutation) (\w+)/gm)].map((m) => m[1]));
    expect(names.length).toBeGreaterThan(8);
    const manifest = readManifest();
    const bodies = new Map(manifest.operations.map((o) => [o.name, o.body]));
    for (const text of screenOperations()) {
      const name = /^\s*(?:query|mutation) (\w+)/.exec(text)![1]!;
      expect(names).toContain(name);
      expect(bodies.get(name), name).toBe(text);
    }
    expect(buildManifest().operations.map((o) => o.name)).toEqual(manifest.operations.map((o) => o.name));
  });
});
