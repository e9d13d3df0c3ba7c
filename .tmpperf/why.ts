import fc from 'fast-check';
import { validateHousehold } from '../src/lib/engine';
import { householdArb } from '../tests/engine/arbitraries';
const hs = fc.sample(householdArb, { numRuns: 3000, seed: 1 });
const count = new Map<string, number>();
for (const h of hs) { const is = validateHousehold(h); const keys = new Set(is.map((p: any) => `${String(p.field).replace(/\d+/g,'N')} ${p.code ?? p.reason ?? JSON.stringify(p).slice(0,80)}`)); for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1); }
console.log([...count].sort((a,b)=>b[1]-a[1]).slice(0,20));
