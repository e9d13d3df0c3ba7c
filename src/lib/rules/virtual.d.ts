declare module 'virtual:benefit-rules' {
  /** Every checked rule file without its test cases, and the shared parameters (typed in src/lib/rules/index.ts). */
  const ruleSet: { rules: unknown[]; parameters: Record<string, unknown> };
  export default ruleSet;
}
