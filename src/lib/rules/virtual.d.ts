declare module 'virtual:benefit-rules' {
  /** Every checked rule file without its test cases, and the shared parameters (typed in src/lib/rules/index.ts). */
  const ruleSet: { rules: unknown[]; parameters: Record<string, unknown> };
  export default ruleSet;
}

declare module 'virtual:benefit-rule-texts' {
  /** A loader of each language's rule texts but Korean's (which the rule data carries), in src/lib/rules/walk.ts's order. */
  const loaders: Partial<Record<string, () => Promise<string[]>>>;
  export default loaders;
}

declare module 'virtual:benefit-rule-code' {
  import type { Code, Runtime } from '../engine/logic3';
  /** The rules' expressions compiled at build time (src/build/rules/codegen.ts), by expressionKey, given the runtime they call. */
  const makeCode: (h: Runtime) => Record<string, Code>;
  export default makeCode;
}
