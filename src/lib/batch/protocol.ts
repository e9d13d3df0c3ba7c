/** Messages between the staff page and the screening worker (same-origin module worker). */
import type { RuleSet } from '../engine';
import type { Shard } from './parse';
import type { Locale } from '../languages';
import type { BatchFilter, BatchPage, BatchSummary } from './session';

export type WorkerRequest =
  | { type: 'screen'; file: Blob; shard: Shard }
  | { type: 'query'; filter: BatchFilter; offset: number; limit: number }
  | { type: 'csv'; filter: BatchFilter; lang: Locale }
  | { type: 'template' };

export interface WorkerReplies {
  screen: BatchSummary;
  query: BatchPage;
  csv: string;
  template: string;
}

/** The first message: the rules and their parameters, so the worker bundle need not carry its own copy. */
export interface WorkerInit {
  type: 'init';
  ruleSet: RuleSet;
}

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
