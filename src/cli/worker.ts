/** A worker thread of `--jobs N`: runs tasks.ts on the slices the main thread sends, replying in kind. */
import { parentPort, workerData } from 'node:worker_threads';
import type { RuleSet } from '../lib/engine';
// The rules arrive as data: their expressions are compiled here, as in the main thread (src/build/rules/load.ts).
import '../build/rules/compile';
import { handlerFor, type Job, type Task } from './tasks';

const { job, ruleSet } = workerData as { job: Job; ruleSet: RuleSet };
const handle = handlerFor(job, ruleSet);

parentPort!.on('message', ({ id, task }: { id: number; task: Task }) => {
  try {
    const done = handle(task);
    // The output's bytes move to the main thread rather than being copied.
    parentPort!.postMessage({ id, done }, [done.out.buffer, done.summary.buffer].filter((b) => b.byteLength > 0) as ArrayBuffer[]);
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
