// Per-object caches shared by every copy of a module. Astro loads the engine twice in one build (the integration from
// source, the pages from Vite's bundle); results cached on a graph or site must be found by both, or are made twice.
export function sharedWeakMap<K extends object, V>(name: string): WeakMap<K, V> {
  const key = Symbol.for(`kg.shared-memo.${name}`);
  const g = globalThis as typeof globalThis & Record<symbol, WeakMap<K, V> | undefined>;
  return (g[key] ??= new WeakMap<K, V>());
}
