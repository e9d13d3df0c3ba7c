/** Entry point of `npm run --silent benefits -- …`: wires runCli to the process. */
import { readFileSync } from 'node:fs';
import { loadRuleSetOrThrow } from '../build/rules/load';
import { runCli } from './run';

const outcome = runCli(process.argv.slice(2), {
  readInput: (file) => readFileSync(file === '-' ? 0 : file, 'utf8'),
  ruleSet: () => loadRuleSetOrThrow(),
});
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.code;
