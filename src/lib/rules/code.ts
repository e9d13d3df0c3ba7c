/**
 * The rules' expressions as the build compiled them (src/build/rules/codegen.ts), given to the
 * engine: the CSP lets nothing be compiled in the browser. Imported for this effect wherever the
 * engine runs there: with the rule data (./index.ts) and in the batch workers, which get the rules
 * as data (src/lib/batch/worker.ts).
 */
import makeCode from 'virtual:benefit-rule-code';
import { provideCode, runtime } from '../engine/logic3';

provideCode(makeCode(runtime));
