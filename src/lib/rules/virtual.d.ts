declare module 'virtual:benefit-rules' {
  /** Every checked rule file, without its test cases (typed in src/lib/rules/index.ts). */
  const rules: unknown[];
  export default rules;
}
