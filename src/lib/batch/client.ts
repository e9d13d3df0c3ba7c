/**
 * The page's side of batch screening: a few same-origin module workers (a file next to the app,
 * never a blob:, so a strict CSP allows them), each screening a slice of the sheet; the page only
 * ever holds the summary and one page of lines.
 */
import type { RuleSet } from '../engine';
import type { WorkerReplies, WorkerReply, WorkerRequest } from './protocol';
import type { Locale } from '../languages';
import type { BatchFilter, BatchPage, BatchSummary } from './session';
import { joinCsv, mergeSummaries, planPages } from './shards';

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
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private crashed: WorkerCrashed | null = null;

  constructor(ruleSet: RuleSet) {
    this.worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const waiting = this.pending.get(reply.id);
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

  request<T extends WorkerRequest>(request: T): Promise<WorkerReplies[T['type']]> {
    if (this.crashed) return Promise.reject(this.crashed);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
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

export class BatchClient {
  private readonly channels: Channel[];

  /** One worker per core but the page's own, up to four. */
  constructor(ruleSet: RuleSet, workers = Math.min(4, Math.max(1, (navigator.hardwareConcurrency || 2) - 1))) {
    this.channels = Array.from({ length: workers }, () => new Channel(ruleSet));
  }

  async screen(file: Blob): Promise<BatchSummary> {
    const started = performance.now();
    const of = this.channels.length;
    const parts = await Promise.all(this.channels.map((c, index) => c.request({ type: 'screen', file, shard: { index, of } })));
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

  async csv(filter: BatchFilter, lang: Locale): Promise<string> {
    return joinCsv(await Promise.all(this.channels.map((c) => c.request({ type: 'csv', filter, lang }))));
  }

  template(): Promise<string> {
    return this.channels[0].request({ type: 'template' });
  }

  terminate(): void {
    for (const c of this.channels) c.terminate();
  }
}
