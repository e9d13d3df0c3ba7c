/**
 * Nothing personal leaves the device: every request from load to results goes to the page's own
 * origin, none after load carries an answer (no birth date or income in any URL or body, no
 * uploads at all; the calendar file and the hand-off code are made in the page), and no answer shows up in the URL, document.title or the console at any point.
 */
import type { Request } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { usePages, type OpenedPage } from './browser';
import { ANSWER_TRACES, answerQuestions, expectResults, fillHousehold, waitForApp } from './check';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;

const openTracked = usePages();
let o: OpenedPage;

const leaks = (text: string) => ANSWER_TRACES.filter((trace) => text.includes(trace));

describe('privacy', () => {
  it('sends nothing anywhere and shows no answer in the URL, title or console, from load to results', async () => {
    o = await openTracked(baseUrl);
    const { page, context } = o;
    // Requests of the service worker (precaching) and of workers count too, not only the page's.
    const all: Request[] = [];
    context.on('request', (r) => all.push(r));
    const console: string[] = [];
    page.on('console', (m) => console.push(m.text()));
    const sockets: string[] = [];
    page.on('websocket', (w) => sockets.push(w.url()));

    await waitForApp(page);
    const seen: string[] = [];
    const look = async () => {
      seen.push(page.url(), await page.title());
    };

    await fillHousehold(page);
    await look();
    const steps = await answerQuestions(page, look);
    expect(steps).toContain('income');
    await expectResults(page);
    await look();
    // The calendar file and the hand-off code are made in the page: neither is sent or put in the URL.
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '모든 신청 기한을 캘린더에 추가' }).click()]);
    await page.getByRole('button', { name: '동주민센터에서 보여주기' }).click();
    await page.getByRole('img', { name: '답변이 담긴 QR 코드' }).waitFor();
    await look();
    // A reload resumes at the results from this device's storage, still sending nothing.
    await page.reload();
    await expectResults(page);
    await look();

    const requests = [...new Set([...o.requests, ...all])];
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.map((r) => r.url()).filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(requests.filter((r) => r.method() !== 'GET').map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
    expect(requests.flatMap((r) => leaks(`${r.url()} ${r.postData() ?? ''} ${JSON.stringify(r.headers())}`))).toEqual([]);
    // The page only ever fetches its own files, never with a query (the worker's precache adds a
    // revision parameter of its own, so only the page's requests are held to this).
    expect(o.requests.length).toBeGreaterThan(0);
    for (const r of o.requests) expect(new URL(r.url()).search, r.url()).toBe('');
    expect(sockets).toEqual([]);
    expect(seen.flatMap(leaks)).toEqual([]);
    expect(console.flatMap(leaks)).toEqual([]);
    expect(o.errors).toEqual([]);
  });
});
