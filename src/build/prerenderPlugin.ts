/**
 * Build step: renders the first screen (./firstScreen.ts, Svelte's server renderer) into
 * index.html's <div id="app">, so that a phone paints the household question from the HTML alone
 * instead of after ~100 KB of script; main.ts hydrates it. The screen is rendered in every
 * language: Korean in the container, each other in a <template> after it, which the start script
 * puts in its place for a visitor whose browser prefers that language (~1 KB gzip each). The page's stylesheet (3 KB gzip) goes
 * inline too, saving the round trip that would hold up that first paint on a slow network, and
 * the app's module is loaded by ./startScript.ts's inline script instead of a <script> tag. Both
 * inline elements are allowed by their SHA-256 in the Content-Security-Policy, which still has no
 * 'unsafe-inline'. The dev server skips all this: there the app mounts into an empty page.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { createServer, type IndexHtmlTransformContext, type Plugin, type ResolvedConfig } from 'vite';
import { DEFAULT_LOCALE, languageTag, LOCALES, type Locale } from '../lib/languages';
import type { FirstScreen } from '../lib/startup/firstScreen';
import { firstScreenId, SCREEN_LOCALE_ATTRIBUTE, startScript } from '../lib/startup/startScript';
import { messagesPlugin } from './messagesPlugin';
import { checkRulesPlugin } from './rules/plugin';

const EMPTY_APP = '<div id="app"></div>';
const SCRIPT_SRC = "script-src 'self'";
const STYLE_SRC = "style-src 'self'";
const STYLESHEET = /<link rel="stylesheet"[^>]*href="\.?\/?([^"]+\.css)"[^>]*>/g;
const ENTRY_SCRIPT = /\s*<script type="module"[^>]*src="([^"]+)"[^>]*><\/script>/;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

export function prerenderPlugin(): Plugin {
  let app: ResolvedConfig;
  return {
    name: 'seoul-benefits-prerender',
    apply: 'build',
    configResolved(config) {
      app = config;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, { bundle }) {
        for (const needed of [EMPTY_APP, SCRIPT_SRC, STYLE_SRC])
          if (!html.includes(needed)) throw new Error(`index.html: prerendering needs ${needed}`);
        const entry = ENTRY_SCRIPT.exec(html)?.[1];
        if (!entry) throw new Error('index.html: no module script to load the app');
        const script = startScript(entry);
        const body = firstScreens(await renderWithServer(app));
        const styles = inlineStyles(html.replace(ENTRY_SCRIPT, ''), bundle);
        return styles.html
          .replace(SCRIPT_SRC, `${SCRIPT_SRC} ${sha256(script)}`)
          .replace(STYLE_SRC, [STYLE_SRC, ...styles.css.map(sha256)].join(' '))
          .replace('<title>', `<script>${script}</script>\n    <title>`)
          .replace(EMPTY_APP, body);
      },
    },
  };
}

/** Replaces the page's stylesheet links by <style> elements, and drops the files from the build. */
function inlineStyles(html: string, bundle: IndexHtmlTransformContext['bundle']): { html: string; css: string[] } {
  const css: string[] = [];
  const inlined = html.replace(STYLESHEET, (_, fileName: string) => {
    const asset = bundle?.[fileName];
    if (asset?.type !== 'asset') throw new Error(`index.html links ${fileName}, which the build did not make`);
    const text = String(asset.source).trim();
    if (text.includes('</style')) throw new Error(`${fileName} cannot go inline: it contains </style`);
    delete bundle![fileName];
    // Lazily loaded chunks would otherwise fetch the file again as a dependency of the code they share.
    for (const chunk of Object.values(bundle!)) if (chunk.type === 'chunk') chunk.viteMetadata?.importedCss.delete(fileName);
    css.push(text);
    return `<style>${text}</style>`;
  });
  return { html: inlined, css };
}

/**
 * The page's app container, holding the first screen in Korean, and after it the same screen in
 * each other language, inert in a <template> until the start script puts the visitor's in its place.
 */
function firstScreens(screens: Map<Locale, FirstScreen>): string {
  return [
    `<div id="app" ${SCREEN_LOCALE_ATTRIBUTE}="${DEFAULT_LOCALE}">${screens.get(DEFAULT_LOCALE)!.html}</div>`,
    ...[...screens]
      .filter(([code]) => code !== DEFAULT_LOCALE)
      .map(
        ([code, { html, title }]) =>
          `<template id="${firstScreenId(code)}" lang="${languageTag(code)}" data-title="${escapeAttribute(title)}">${html}</template>`,
      ),
  ].join('\n    ');
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

async function renderWithServer(app: ResolvedConfig): Promise<Map<Locale, FirstScreen>> {
  const server = await createServer({
    configFile: false,
    root: app.root,
    mode: app.mode,
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    // The rules plugin resolves the rule-text loaders that src/lib/i18n imports (each language's loads with its messages).
    plugins: [checkRulesPlugin(), messagesPlugin(), svelte({ configFile: false })],
    resolve: { alias: app.resolve.alias },
  });
  try {
    const { renderFirstScreen } = (await server.ssrLoadModule(
      new URL('../lib/startup/firstScreen.ts', import.meta.url).pathname,
    )) as typeof import('../lib/startup/firstScreen');
    // One at a time: svelte-i18n's language is global.
    const screens = new Map<Locale, FirstScreen>();
    for (const code of LOCALES) screens.set(code, await renderFirstScreen(code));
    return screens;
  } finally {
    await server.close();
  }
}
