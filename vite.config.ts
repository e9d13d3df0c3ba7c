/// <reference types="vitest/config" />
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compileHintsPlugin } from './src/build/compileHintsPlugin';
import { embedPlugin } from './src/build/embedPlugin';
import { messagesPlugin } from './src/build/messagesPlugin';
import { offlinePlugin } from './src/build/offlinePlugin';
import { checkRulesPlugin } from './src/build/rules/plugin';
import { prerenderPlugin } from './src/build/prerenderPlugin';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Modules that do nothing when loaded but define what they export: dropped where nothing they export is used. */
const PURE_MODULES = [
  // The engine barrel only re-exports; declaring that lets evaluate() and json-logic-js leave the
  // first download for the lazily loaded rules chunk (src/lib/questionnaire/evaluator.ts).
  '/src/lib/engine/index.ts',
];

export default defineConfig({
  // The page lives in src/ (the project's top level holds only src/ rules/ public/ seeds/ tests/ and config).
  root: here('./src'),
  publicDir: here('./public'),
  // Relative asset URLs let the same build run at / or under a portal's sub-path (e.g. /benefits/).
  base: process.env.BASE_PATH ?? './',
  plugins: [
    checkRulesPlugin(),
    messagesPlugin(),
    // All Svelte options live here; without this the plugin looks for (and reports missing) a svelte.config.js.
    svelte({ configFile: false }),
    svelteTesting(),
    offlinePlugin(),
    // The embed (<seoul-benefits-checker>) as a second entry: dist/embed.js and dist/embed.css.
    embedPlugin(),
    // The first screen rendered into index.html at build time, hydrated by main.ts.
    prerenderPlugin(),
    compileHintsPlugin(),
    // The dev server injects inline <style>s and scripts for hot reload, which index.html's CSP forbids.
    {
      name: 'csp-off-in-dev',
      apply: 'serve',
      transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
    },
  ],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Without modulepreload (Safari before 17) a lazy chunk's imports simply load when it runs; the
    // polyfill would cost every first download ~0.2 KB gzip.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => !PURE_MODULES.some((pure) => id.endsWith(pure)) },
      // Every module the entry needs at once stays in the entry: left to itself, rolldown moves modules
      // that lazily loaded chunks share with it (e.g. the input model) into chunks of their own,
      // each one more request before the app can start.
      output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } },
    },
  },
  // The batch worker writes the results CSV in the chosen language from the same catalogues, each
  // a chunk of its own (src/lib/i18n/catalogues.ts), and runs the rules' code compiled at build time.
  worker: { format: 'es', plugins: () => [messagesPlugin(), checkRulesPlugin()] },
  resolve: {
    // Messages are parsed at build time (src/build/messagesPlugin.ts): the app ships no ICU parser, only their parsed forms.
    alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: here('./src/lib/i18n/compiled.ts') }],
  },
  test: {
    root: here('.'),
    // CI runs on a 2-core machine that may be busy with other work: no test may fail for being slow.
    // Speed has its own benchmarks (npm run bench*); these limits only catch a hang (expect.poll's
    // own default is 1 s, Playwright's wait in tests/e2e/browser.ts 90 s).
    expect: { requireAssertions: true, poll: { timeout: 90_000 } },
    // Two files run at once (below), so a test gets half the CPU it had when files ran one by one.
    testTimeout: 300_000,
    hookTimeout: 480_000,
    // One worker per core (vitest leaves one core to itself by default: one worker on a 2-core machine,
    // every file in turn). The three projects share the workers, so the browser tests, which mostly
    // wait for Chromium, run beside the CPU-bound ones instead of after them.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/{engine,rules,build,cli,batch,calendar,handoff,whatif,places}/**/*.test.ts'],
          // These files share no state (no mocks, no globals; the one that sets svelte-i18n's locale,
          // tests/calendar/ics.test.ts, puts it back): loading vitest, the rules and the engine once
          // per worker rather than once per file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'ui', environment: 'jsdom', setupFiles: ['tests/setup.ts'], include: ['tests/ui/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 480_000,
        },
      },
    ],
  },
});
