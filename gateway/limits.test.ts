import { describe, expect, it } from 'vitest';
import * as operations from '../schema/operations';
import { doorSchema } from './inputs';
import { DEFAULT_LIMITS, enforceLimits, measure, parseDocument, resolveOperation } from './limits';
import { Refusal } from './refusal';
import { readSupergraph } from './server';

const schema = doorSchema(readSupergraph());
const measured = (query: string, variables?: Record<string, unknown>) => {
  const document = parseDocument(query, DEFAULT_LIMITS.maxTokens);
  return measure(schema, document, resolveOperation(document, undefined), variables);
};
const refusalCode = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof Refusal) return error.code;
    throw error;
  }
  return undefined;
};

describe('the limits of one operation', () => {
  it.each(Object.entries(operations))('pass every operation clients send (%s), with room to spare', (_name, query) => {
    const m = measured(query);
    expect(() => enforceLimits(m, DEFAULT_LIMITS)).not.toThrow();
    expect(m.depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth - 2);
    expect(m.cost * 3).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
  });

  it('multiplies by the page size and by the members of a household', () => {
    expect(measured('{ huishoudens(first: 10) { edges { node { id } } } }').cost).toBe(1 + 1 + 10 * (1 + 1)); // huishoudens, edges, 10 × (node, id)
    expect(measured('query($n: Int) { huishoudens(first: $n) { edges { node { id } } } }', { n: 50 }).cost).toBe(1 + 1 + 50 * 2);
    // The schema's default page size, 20, when none is given.
    expect(measured('{ huishoudens { edges { node { id } } } }').cost).toBe(1 + 1 + 20 * 2);
    expect(measured('{ huishouden(id: "1") { leden { bsn geboortedatum } } }').cost).toBe(1 + 1 + 8 * 2);
  });

  it('counts depth, aliases, root fields and directives with fragments expanded', () => {
    const m = measured('query { a: huishouden(id: "1") { ...F } b: huishouden(id: "2") { id @include(if: true) } } fragment F on Huishouden { leden { naam { volledigeNaam } } }');
    expect(m).toMatchObject({ depth: 4, aliases: 2, rootFields: 2, directives: 1 });
  });

  it('refuses the depth-16 query by depth and by cost alike', () => {
    const deep = `{ persoon(bsn: "999190064") { ${'huishouden { leden { '.repeat(7)} bsn ${'} } '.repeat(7)} } }`;
    const m = measured(deep);
    expect(m.depth).toBe(16);
    expect(refusalCode(() => enforceLimits(m, DEFAULT_LIMITS))).toBe('QUERY_TOO_DEEP');
    expect(refusalCode(() => enforceLimits(m, { ...DEFAULT_LIMITS, maxDepth: 100 }))).toBe('QUERY_TOO_COSTLY');
  });

  it('stops parsing at the token limit, and walking at a fragment bomb', () => {
    expect(refusalCode(() => parseDocument(`{ ${'__typename '.repeat(3000)}}`, DEFAULT_LIMITS.maxTokens))).toBe('QUERY_TOO_MANY_TOKENS');
    const bomb = `{ ...F0 } ${Array.from({ length: 20 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F20 on Query { __typename }`;
    expect(refusalCode(() => measured(bomb))).toBe('QUERY_TOO_COSTLY');
  });

  it('leaves introspection out of depth and cost (development only; production turns it off)', () => {
    expect(measured('{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }')).toMatchObject({ depth: 0, cost: 0 });
  });
});
