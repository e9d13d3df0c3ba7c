/**
 * A new language is one entry in the list (src/lib/languages) plus its message files. In a copy of
 * the project, a throwaway language — Esperanto, its messages and rule texts copied from English —
 * is added exactly so; the copy builds (the rule schema now requires its texts), and Chromium opens
 * the app in it for a browser set to it, names it in the language switch and marks the page with it;
 * its first screen is prerendered into the page with the others'.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachText } from '../../src/lib/rules/walk';
import { usePages } from './browser';

const root = resolve('.');
const copy = mkdtempSync(join(tmpdir(), 'benefits-new-language-'));
const TITLE = 'Esperanto: kontrolilo de familiaj subtenoj';
const ENTRY = "  { code: 'eo', tag: 'eo', name: 'Esperanto', scripts: ['Latin'] },\n";

/** Adds `eo` = `en` to every rule text of a JSON file. */
function addRuleTexts(file: string) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  eachText(data, (text) => {
    text.eo = text.en;
  });
  writeFileSync(file, JSON.stringify(data, null, 2));
}

const jsonFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
  );

let server: PreviewServer | undefined;
let url = '';
const open = usePages();

beforeAll(() => {
  for (const part of ['src', 'rules', 'public', 'seeds', 'vite.config.ts', 'tsconfig.json', 'package.json']) {
    cpSync(join(root, part), join(copy, part), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const list = join(copy, 'src/lib/languages/index.ts');
  const source = readFileSync(list, 'utf8');
  const end = source.indexOf('] as const satisfies');
  expect(end).toBeGreaterThan(0);
  // The one entry…
  writeFileSync(list, source.slice(0, end) + ENTRY + source.slice(end));
  // …and the language's message files.
  const en = JSON.parse(readFileSync(join(copy, 'src/lib/i18n/locales/en.json'), 'utf8'));
  en.app.title = TITLE;
  writeFileSync(join(copy, 'src/lib/i18n/locales/eo.json'), JSON.stringify(en, null, 2));
  cpSync(join(copy, 'src/lib/staff/locales/en.json'), join(copy, 'src/lib/staff/locales/eo.json'));
  for (const file of jsonFiles(join(copy, 'rules'))) addRuleTexts(file);
});

afterAll(async () => {
  await server?.close();
  rmSync(copy, { recursive: true, force: true });
});

describe('a throwaway language added through the one list', () => {
  it('builds', async () => {
    const env = { ...process.env };
    delete env.VITEST;
    delete env.NODE_ENV;
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--configLoader', 'runner', '--logLevel', 'warn'], {
      cwd: copy,
      stdio: 'inherit',
      env,
    });
    server = await preview({
      root: copy,
      configFile: join(copy, 'vite.config.ts'),
      configLoader: 'runner',
      logLevel: 'warn',
      preview: { host: '127.0.0.1', port: 0 },
    });
    url = server.resolvedUrls!.local[0];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('renders the app in it for a browser set to it', async () => {
    const { page, errors } = await open(url, { locale: 'eo' });
    await page.waitForFunction(() => document.documentElement.lang === 'eo');
    await page.locator('main:not([aria-busy])').waitFor();
    await expect(page.title()).resolves.toBe(TITLE);
    await expect(page.getByRole('button', { name: 'Esperanto' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.getByRole('button', { name: '한국어' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    expect(errors).toEqual([]);
  });

  it("has its first screen in the page, shown for a browser set to it before any of the app's code", async () => {
    const { page } = await open('about:blank', { locale: 'eo' });
    // The app's module never arrives: what shows comes from the HTML and its start script.
    await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort());
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('eo');
    await expect(page.title()).resolves.toBe(TITLE);
    await expect(page.locator('main').getAttribute('aria-busy')).resolves.toBe('true');
  });
});
