/** The screening worker: reads, parses and evaluates off the main thread, so staff can keep typing. */
import '../rules/code';
import { loadTranslator } from '../i18n/catalogues';
import type { WorkerInit, WorkerReply, WorkerRequest } from './protocol';
import { BatchSession } from './session';
import { legendCsv, templateCsv } from './template';

// The DOM typings describe a window; in a worker, postMessage takes no target origin.
const scope = self as unknown as { onmessage: ((event: MessageEvent) => void) | null; postMessage(message: unknown): void };

let session: BatchSession | null = null;

async function handle(request: WorkerRequest & { id: number }, sheet: BatchSession): Promise<unknown> {
  const progress = (done: number, of: number) => scope.postMessage({ id: request.id, progress: { done, of } } satisfies WorkerReply);
  switch (request.type) {
    case 'screen':
      return sheet.screen(request.file, { shard: request.shard, onProgress: progress });
    case 'query':
      return sheet.query(request.filter, request.offset, request.limit);
    case 'detail':
      return sheet.detail(request.row);
    case 'download':
      // Benefit names in the CSV's language, like its other words (the CLI's rule data has every language).
      return sheet.download(
        request.kind,
        request.filter,
        { code: request.lang, t: await loadTranslator(request.lang) },
        progress,
        request.names,
      );
    case 'template':
      return templateCsv();
    case 'legend':
      return legendCsv();
  }
}

scope.onmessage = async (event: MessageEvent<WorkerInit | (WorkerRequest & { id: number })>) => {
  const data = event.data;
  if (data.type === 'init') {
    session = new BatchSession(data.ruleSet);
    return;
  }
  let reply: WorkerReply;
  try {
    reply = { id: data.id, ok: true, value: await handle(data, session!) };
  } catch (e) {
    reply = { id: data.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(reply);
};
