/**
 * The page's side of batch screening: same-origin module workers (a file next to the app, never a
 * blob:, so a strict CSP allows them), one per core but the page's own, each screening a slice of
 * the sheet; the page only ever holds the summary, one page of lines and one household's detail.
 */
import type { RuleSet } from '../engine';
import type { WorkerReplies, WorkerReply, WorkerRequest } from './protocol';
import { pickText } from '../i18n/format';
import type { Locale } from '../languages';
import type { BatchDetail, BatchFilter, BatchPage, BatchSummary, DownloadKind } from './session';
import { joinParts, mergeSummaries, planPages } from './shards';

/** Work done so far over all workers. */
export type OnProgress = (done: number, of: number) => void;

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  progress?: (done: number, of: number) => void;
}

/**
 * A worker stopped working (it threw outside a request, ran out of memory, or a message could not
 * be read): its requests will never be answered, so they fail with this, and so does any new one.
 */
export class WorkerCrashed extends Error {
  constructor(detail: string) {
    super(`screening worker stopped: ${detail}`);
    this.name = 'WorkerCrashed';
  }
}

/** Requests to one worker, one promise each. */
class Channel {
  private readonly worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private crashed: WorkerCrashed | null = null;

  constructor(ruleSet: RuleSet) {
    this.worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const waiting = this.pending.get(reply.id);
      if ('progress' in reply) {
        waiting?.progress?.(reply.progress.done, reply.progress.of);
        return;
      }
      this.pending.delete(reply.id);
      if (reply.ok) waiting?.resolve(reply.value);
      else waiting?.reject(new Error(reply.error));
    };
    this.worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.fail(new WorkerCrashed(event.message || 'error'));
    };
    this.worker.onmessageerror = () => this.fail(new WorkerCrashed('a reply could not be read'));
    this.worker.postMessage({ type: 'init', ruleSet });
  }

  request<T extends WorkerRequest>(request: T, progress?: (done: number, of: number) => void): Promise<WorkerReplies[T['type']]> {
    if (this.crashed) return Promise.reject(this.crashed);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
      this.worker.postMessage({ ...request, id });
    });
  }

  private fail(error: WorkerCrashed): void {
    this.crashed ??= error;
    this.worker.terminate();
    for (const waiting of this.pending.values()) waiting.reject(this.crashed);
    this.pending.clear();
  }

  terminate(): void {
    this.worker.terminate();
    for (const waiting of this.pending.values()) waiting.reject(new Error('stopped'));
    this.pending.clear();
  }
}

/** Sums each worker's latest progress into one figure. */
function combined(count: number, onProgress?: OnProgress): ((i: number) => OnProgress) | undefined {
  if (!onProgress) return undefined;
  const done = new Array<number>(count).fill(0);
  const of = new Array<number>(count).fill(0);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return (i) => (d, o) => {
    done[i] = d;
    of[i] = o;
    onProgress(sum(done), sum(of));
  };
}

/**
 * Workers for this machine: one per core. The page itself sleeps while they screen (bench:batch:
 * no long task), so keeping a core for it left one of two cores idle on a staff PC.
 */
const workersFor = (cores: number | undefined) => Math.max(1, cores || 2);

export class BatchClient {
  private readonly channels: Channel[];

  constructor(
    private readonly ruleSet: RuleSet,
    workers = workersFor(navigator.hardwareConcurrency),
  ) {
    this.channels = Array.from({ length: workers }, () => new Channel(ruleSet));
  }

  async screen(file: Blob, onProgress?: OnProgress): Promise<BatchSummary> {
    const started = performance.now();
    const of = this.channels.length;
    const progress = combined(of, onProgress);
    const parts = await Promise.all(
      this.channels.map((c, index) => c.request({ type: 'screen', file, shard: { index, of } }, progress?.(index))),
    );
    return mergeSummaries(parts, Math.round(performance.now() - started));
  }

  async query(filter: BatchFilter, offset: number, limit: number): Promise<BatchPage> {
    const totals = (await Promise.all(this.channels.map((c) => c.request({ type: 'query', filter, offset: 0, limit: 0 })))).map(
      (p) => p.total,
    );
    const pages = await Promise.all(
      planPages(totals, offset, limit).map((p) =>
        this.channels[p.shard].request({ type: 'query', filter, offset: p.offset, limit: p.limit }),
      ),
    );
    return { total: totals.reduce((a, b) => a + b, 0), offset, lines: pages.flatMap((p) => p.lines) };
  }

  /** One household's full results, re-evaluated by the worker that holds its row. */
  async detail(row: number): Promise<BatchDetail | null> {
    const found = await Promise.all(this.channels.map((c) => c.request({ type: 'detail', row })));
    return found.find((d) => d !== null) ?? null;
  }

  async download(kind: DownloadKind, filter: BatchFilter, lang: Locale, onProgress?: OnProgress): Promise<Blob> {
    const progress = combined(this.channels.length, onProgress);
    const names = Object.fromEntries(this.ruleSet.rules.map((r) => [r.id, pickText(r.names, lang)]));
    return joinParts(
      await Promise.all(this.channels.map((c, i) => c.request({ type: 'download', kind, filter, lang, names }, progress?.(i)))),
    );
  }

  template(): Promise<string> {
    return this.channels[0].request({ type: 'template' });
  }

  legend(): Promise<string> {
    return this.channels[0].request({ type: 'legend' });
  }

  terminate(): void {
    for (const c of this.channels) c.terminate();
  }
}
