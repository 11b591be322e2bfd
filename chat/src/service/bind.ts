type WithoutFirst<T, F> = F extends (first: T, ...args: infer A) => infer R ? (...args: A) => R : never;

/**
 * A module's functions with their first argument given: how the service's parts (functions of a
 * shared store or context) become the methods callers use.
 */
export function withFirst<T, M extends Record<string, (first: T, ...args: never[]) => unknown>>(
  first: T,
  fns: M,
): { [K in keyof M]: WithoutFirst<T, M[K]> } {
  return Object.fromEntries(
    Object.entries(fns).map(([name, fn]) => [name, (...args: never[]) => fn(first, ...args)]),
  ) as { [K in keyof M]: WithoutFirst<T, M[K]> };
}
