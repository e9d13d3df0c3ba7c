/**
 * Batch screening when a worker dies: the page says so in words and recovers (new workers on the
 * next file), instead of staying "busy" forever. Workers are stood in for by an in-page fake that
 * runs the real BatchSession, and crashes when told to.
 */
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BatchClient } from '../../src/lib/batch/client';
import type { WorkerInit, WorkerRequest } from '../../src/lib/batch/protocol';
import { BatchSession } from '../../src/lib/batch/session';
import { addStaffMessages } from '../../src/lib/staff';
import BatchScreen from '../../src/lib/staff/BatchScreen.svelte';
import { startI18n, testRuleSet } from './helpers';

type Fail = 'error' | 'messageerror' | null;

class FakeWorker {
  static failNext: Fail = null;
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  readonly downloads: WorkerRequest[] = [];
  private session: BatchSession | null = null;
  private readonly fail = FakeWorker.failNext;

  constructor() {
    FakeWorker.made.push(this);
  }

  postMessage(data: WorkerInit | (WorkerRequest & { id: number })) {
    setTimeout(async () => {
      if (this.terminated) return;
      if (data.type === 'init') {
        this.session = new BatchSession(data.ruleSet);
        return;
      }
      if (this.fail === 'error') return this.onerror?.(new ErrorEvent('error', { message: 'Out of memory' }));
      if (this.fail === 'messageerror') return this.onmessageerror?.(new MessageEvent('messageerror'));
      if (data.type === 'download') {
        this.downloads.push(data);
        const value = { head: '', body: new Blob([]) };
        return this.onmessage?.(new MessageEvent('message', { data: { id: data.id, ok: true, value } }));
      }
      if (data.type !== 'screen' && data.type !== 'query') throw new Error(`not faked: ${data.type}`);
      const value =
        data.type === 'screen'
          ? await this.session!.screen(await data.file.text(), { shard: data.shard })
          : this.session!.query(data.filter, data.offset, data.limit);
      this.onmessage?.(new MessageEvent('message', { data: { id: data.id, ok: true, value } }));
    });
  }

  terminate() {
    this.terminated = true;
  }
}

beforeAll(() => {
  startI18n('ko');
  addStaffMessages();
});
afterEach(() => vi.unstubAllGlobals());

const sheet = new File(['가구ID,거주지,성인1 생년월일\r\nH1,서울,1990-01-01\r\n'], 'households.csv', { type: 'text/csv' });
const choose = (input: HTMLElement, file: File) => fireEvent.change(input, { target: { files: [file] } });

describe('a crashed screening worker', () => {
  it.each(['error', 'messageerror'] as const)('on %s: a clear message, the page usable, and the next file screened', async (fail) => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.made = [];
    FakeWorker.failNext = fail;
    render(BatchScreen, { props: { ruleSet: testRuleSet } });
    const input = screen.getByLabelText('CSV 파일 선택');

    await choose(input, sheet);
    await screen.findByText(/확인 작업이 중간에 멈췄어요/);
    expect(screen.getByRole('status')).toHaveTextContent('파일을 다시 골라 주세요');
    expect(input).not.toBeDisabled();
    expect(FakeWorker.made.every((w) => w.terminated)).toBe(true);

    FakeWorker.failNext = null;
    await choose(input, sheet);
    await screen.findByText(/^1가구를 확인했어요/);
    expect(FakeWorker.made.some((w) => !w.terminated)).toBe(true);
  });
});

describe('a download', () => {
  it("gives the workers each benefit's name in the CSV's language: their copy of the rules has only the languages loaded when they started", async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.made = [];
    FakeWorker.failNext = null;
    const rules = testRuleSet.rules.map((r) => ({ ...r, names: { ...r.names, vi: `Trợ cấp ${r.id}` } }));
    await new BatchClient({ ...testRuleSet, rules }, 2).download('results', { benefit: '', status: '' }, 'vi');
    const names = Object.fromEntries(rules.map((r) => [r.id, `Trợ cấp ${r.id}`]));
    expect(FakeWorker.made.flatMap((w) => w.downloads)).toEqual([
      expect.objectContaining({ lang: 'vi', names }),
      expect.objectContaining({ lang: 'vi', names }),
    ]);
  });
});
