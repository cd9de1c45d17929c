import DataLoader from 'dataloader';

/**
 * Per-request batching. A "loader family" hands out one DataLoader per variant (the set of relations a
 * fetch needs), so every `__resolveReference` of one `_entities` fetch lands in the same batch: one SQL
 * statement for 100 households, not 100.
 */
export function loaderFamily<K, V, P extends string>(
  batch: (keys: readonly K[], parts: ReadonlySet<P>) => Promise<readonly (V | undefined)[]>,
): (parts: Iterable<P>) => DataLoader<K, V | undefined> {
  const loaders = new Map<string, DataLoader<K, V | undefined>>();
  return (parts) => {
    const sorted = [...new Set(parts)].sort();
    const variant = sorted.join(',');
    let loader = loaders.get(variant);
    if (!loader) {
      const set = new Set(sorted);
      loader = new DataLoader<K, V | undefined>((keys) => batch(keys, set));
      loaders.set(variant, loader);
    }
    return loader;
  };
}

/** Orders `rows` to match `keys`, as DataLoader requires; a key without a row gets `undefined`. */
export function alignByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | undefined)[] {
  const byKey = new Map<K, V>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key));
}

/** Groups `rows` per key, in `keys` order, as DataLoader requires; a key without rows gets `[]`. */
export function groupByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row));
    if (group) group.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
