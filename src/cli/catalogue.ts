/** `npm run catalogue`: regenerates the catalogue and input-model sections of rules/README.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRulesReadme } from '../build/rules/catalogue';
import { loadRuleSetOrThrow, RULES_DIR } from '../build/rules/load';

const path = join(RULES_DIR, 'README.md');
const before = readFileSync(path, 'utf8');
const after = renderRulesReadme(before, loadRuleSetOrThrow());
if (after !== before) writeFileSync(path, after);
process.stdout.write(after === before ? 'rules/README.md is up to date\n' : 'rules/README.md updated\n');
