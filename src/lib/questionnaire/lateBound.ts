/**
 * A function the Checker needs but must not import, so that its code ships in a later chunk than
 * the first download: whoever loads that chunk provides it (main.ts; tests/setup.ts for the
 * component tests), and using it before then is a programming error, said at once.
 */
export function lateBound<T>(what: string, provider: string) {
  let provided: T | null = null;
  return {
    provide(value: T): void {
      provided = value;
    },
    get(): T {
      if (!provided) throw new Error(`no ${what}: provide it with ${provider}() first`);
      return provided;
    },
  };
}
