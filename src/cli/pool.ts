/**
 * Runs tasks on the main thread (one job) or on worker threads (several), keeping their output in
 * input order: the caller awaits results in the order it submitted them, and stops submitting when
 * `limit` are in flight, so memory stays bounded whatever the input size.
 */
import { Worker } from 'node:worker_threads';
import type { RuleSet } from '../lib/engine';
import { handlerFor, type Done, type Job, type Task } from './tasks';

export interface Pool {
  /** How many tasks may be in flight before the caller waits for the oldest. */
  readonly limit: number;
  run(task: Task): Promise<Done>;
  close(): Promise<void>;
}

export function createPool(jobs: number, job: Job, ruleSet: RuleSet): Pool {
  if (jobs <= 1) {
    const handle = handlerFor(job, ruleSet);
    return { limit: 1, run: async (task) => handle(task), close: async () => {} };
  }
  return new ThreadPool(jobs, job, ruleSet);
}

/** Tasks run on `pool`, their results handed to `write` in submission order, at most `pool.limit` in flight. */
export function inOrder(pool: Pool, write: (done: Done) => Promise<void>) {
  const inFlight: Promise<Done>[] = [];
  const writeOldest = async () => write(await inFlight.shift()!);
  return {
    async submit(task: Task) {
      inFlight.push(pool.run(task));
      while (inFlight.length >= pool.limit) await writeOldest();
    },
    async drain() {
      while (inFlight.length > 0) await writeOldest();
    },
  };
}

interface Thread {
  worker: Worker;
  busy: number;
}

class ThreadPool implements Pool {
  readonly limit: number;
  private readonly threads: Thread[];
  private readonly waiting = new Map<number, { resolve: (d: Done) => void; reject: (e: Error) => void; thread: Thread }>();
  private next = 0;

  constructor(jobs: number, job: Job, ruleSet: RuleSet) {
    this.limit = jobs * 2;
    this.threads = Array.from({ length: jobs }, () => {
      // worker.mjs loads the TypeScript worker through tsx, as the command itself is run.
      const thread: Thread = { worker: new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { job, ruleSet } }), busy: 0 };
      thread.worker.on('message', (reply: { id: number; done?: Done; error?: string }) => {
        const w = this.waiting.get(reply.id)!;
        this.waiting.delete(reply.id);
        w.thread.busy -= 1;
        if (reply.done) w.resolve(reply.done);
        else w.reject(new Error(reply.error));
      });
      thread.worker.on('error', (e) => this.fail(e));
      return thread;
    });
  }

  run(task: Task): Promise<Done> {
    const thread = this.threads.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.next++;
    thread.busy += 1;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, thread });
      thread.worker.postMessage({ id, task });
    });
  }

  private fail(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}
