/**
 * Builds the app once and serves dist/ with `vite preview` on 127.0.0.1 for the browser tests, and
 * launches the one Chromium they all connect to (tests/e2e/browser.ts usePages). Tests read the
 * addresses with inject('baseUrl') and inject('browserEndpoint').
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, launchBrowserServer } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The build the server serves, for size checks. */
    distDir: string;
    /** Playwright's WebSocket address of the run's Chromium. */
    browserEndpoint: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run "bash tests/e2e/ensure-chromium.sh" (installs Debian's chromium) or set CHROMIUM_PATH`,
    );
  }
  const env = { ...process.env };
  delete env.VITEST;
  delete env.NODE_ENV;
  // A build of its own, so concurrent runs (and `npm run build`) never swap files under a running server.
  const outDir = mkdtempSync(join(tmpdir(), 'benefits-e2e-'));
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--configLoader', 'runner', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    { stdio: 'inherit', env },
  );
  const port = await freePort();
  const server = await preview({
    configLoader: 'runner',
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  const browser = await launchBrowserServer();
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  project.provide('distDir', outDir);
  project.provide('browserEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
