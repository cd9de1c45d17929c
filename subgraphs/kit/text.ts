/**
 * Text that Postgres can store: a `text` value cannot hold U+0000, and a statement that carries one fails
 * as an internal error. Every input is checked for it at the door (gateway/inputs.ts) and again by each
 * subgraph (kit/server.ts), which answers the gateway only but must not trust it with its database.
 */
export const NUL = '\u0000';

/** Where in a JSON value (keys included) a NUL character is, as a path from `path`; undefined when nowhere. */
export function findNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = key.includes(NUL) ? path : findNul(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** A GraphQL string escape that makes a NUL: `\u0000` or `\u{0}`. */
export const NUL_ESCAPE = /\\u(?:0000|\{0+\})/;
