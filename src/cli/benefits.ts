/** Entry point of `npm run --silent benefits -- …`: wires runCli to the process. */
import { readFileSync } from 'node:fs';
import { loadRulesOrThrow } from '../build/rules/load';
import { runCli } from './run';

const outcome = runCli(process.argv.slice(2), {
  readInput: (file) => readFileSync(file === '-' ? 0 : file, 'utf8'),
  rules: () => loadRulesOrThrow(),
});
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.code;
