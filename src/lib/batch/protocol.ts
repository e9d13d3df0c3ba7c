/** Messages between the staff page and the screening workers (same-origin module workers). */
import type { RuleSet } from '../engine';
import type { Locale } from '../languages';
import type { BatchDetail, BatchFilter, BatchPage, BatchSummary, CsvPart, DownloadKind, Shard } from './session';

export type WorkerRequest =
  | { type: 'screen'; file: Blob; shard: Shard }
  | { type: 'query'; filter: BatchFilter; offset: number; limit: number }
  | { type: 'detail'; row: number }
  /** `names`: each benefit's name in `lang` as the page has it (the worker's copy of the rules has the languages loaded when it started). */
  | { type: 'download'; kind: DownloadKind; filter: BatchFilter; lang: Locale; names: Record<string, string> }
  | { type: 'template' }
  | { type: 'legend' };

export interface WorkerReplies {
  screen: BatchSummary;
  query: BatchPage;
  detail: BatchDetail | null;
  download: CsvPart;
  template: string;
  legend: string;
}

/** The first message: the rules and their parameters, so the worker bundle need not carry its own copy. */
export interface WorkerInit {
  type: 'init';
  ruleSet: RuleSet;
}

/** Work done so far on request `id` (screening: rows; a download: households written). */
export interface WorkerProgress {
  id: number;
  progress: { done: number; of: number };
}

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string } | WorkerProgress;
