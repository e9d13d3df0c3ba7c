/** The screening worker: parses and evaluates off the main thread, so staff can keep typing. */
import { loadTranslator } from '../i18n/catalogues';
import type { WorkerInit, WorkerReply, WorkerRequest } from './protocol';
import { templateCsv } from './screen';
import { BatchSession } from './session';

// The DOM typings describe a window; in a worker, postMessage takes no target origin.
const scope = self as unknown as { onmessage: ((event: MessageEvent) => void) | null; postMessage(message: unknown): void };

let session: BatchSession | null = null;

async function handle(request: WorkerRequest, sheet: BatchSession): Promise<unknown> {
  switch (request.type) {
    case 'screen':
      return sheet.screen(await request.file.arrayBuffer(), undefined, request.shard);
    case 'query':
      return sheet.query(request.filter, request.offset, request.limit);
    case 'csv':
      return sheet.csv(request.filter, { code: request.lang, t: await loadTranslator(request.lang) });
    case 'template':
      return templateCsv();
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
