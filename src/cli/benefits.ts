/** Entry point of `npm run --silent benefits -- …`: wires runCli to the process. */
import { loadRuleSetOrThrow } from '../build/rules/load';
import { readInput } from './readInput';
import { runCli } from './run';

const outcome = runCli(process.argv.slice(2), {
  readInput,
  ruleSet: () => loadRuleSetOrThrow(),
});
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.code;
