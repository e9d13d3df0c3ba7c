/**
 * What the built index.html loads for its first screen, and its size raw and gzipped. The page's
 * stylesheet is inline (src/build/prerenderPlugin.ts): it counts as CSS, not as HTML; the app's
 * module, which the inline start-up script requests, counts as JS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { shippedRuleSet } from '../../src/build/rules/plugin';

/** Initial JS + CSS, gzipped, may not exceed this (every locale loads as a chunk of its own). */
export const INITIAL_BUDGET_GZIP = 50 * 1024;

export interface AssetSize {
  path: string;
  kind: 'html' | 'js' | 'css';
  raw: number;
  gzip: number;
}

const sizeOf = (text: Buffer | string) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length });

/** Size of a built file, by its path in `dist` (as a page requests it, relative to the build). */
export const builtFileSize = (dist: string, path: string) => sizeOf(readFileSync(join(dist, path)));

export function initialAssets(dist: string) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const tagged = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"[^>]*>/g)]
    .filter((m) => /\.(m?js|css)$/.test(m[1]) && !/rel="(?:icon|manifest|apple-touch-icon)"/.test(m[0]))
    .map((m) => m[1]);
  // The app's module is requested by the inline start-up script, right after first paint.
  const scripted = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].flatMap((m) =>
    [...m[1].matchAll(/"([^"]+\.js)"/g)].map((s) => s[1]),
  );
  const refs = [...tagged, ...scripted].map((ref) => ref.replace(/^\.?\//, ''));
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  const files: AssetSize[] = [{ path: 'index.html', kind: 'html', ...sizeOf(html.replace(/<style>[\s\S]*?<\/style>/g, '')) }];
  styles.forEach((css, i) => files.push({ path: `index.html <style> ${i + 1}`, kind: 'css', ...sizeOf(css) }));
  for (const ref of [...new Set(refs)]) {
    const body = readFileSync(join(dist, ref));
    files.push({ path: ref, kind: ref.endsWith('.css') ? 'css' : 'js', ...sizeOf(body) });
  }
  const js = files.filter((f) => f.kind !== 'html');
  return { files, jsCssGzip: js.reduce((a, f) => a + f.gzip, 0), rules: sizeOf(JSON.stringify(shippedRuleSet())) };
}
