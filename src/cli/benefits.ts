/** Entry point of `npm run --silent benefits -- …`: wires runCli to the process's streams and files. */
import { once } from 'node:events';
import { createReadStream, createWriteStream, openSync, statSync } from 'node:fs';
import { loadRuleSetOrThrow } from '../build/rules/load';
import { runCli, type Output } from './run';

const toOutput = (stream: NodeJS.WritableStream): Output => ({
  write: (text) => (stream.write(text) ? undefined : once(stream, 'drain').then(() => undefined)),
});

// A reader that stops early (`| head`) closes the pipe: stop quietly, as other commands do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await runCli(process.argv.slice(2), {
  input: (file) => (file === '-' ? process.stdin : createReadStream(file)),
  inputSize: (file) => (file === '-' ? null : (statSync(file, { throwIfNoEntry: false })?.size ?? null)),
  stdout: toOutput(process.stdout),
  stderr: toOutput(process.stderr),
  output: (file) => {
    const stream = createWriteStream('', { fd: openSync(file, 'w') });
    return {
      ...toOutput(stream),
      close: () => new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve()))),
    };
  },
  ruleSet: () => loadRuleSetOrThrow(),
  tty: process.stderr.isTTY,
});
