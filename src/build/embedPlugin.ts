/**
 * The embed is a second build, run from inside the app's: `vite build` makes both. A second entry
 * in the app's own build would split the modules the two share into extra chunks of the resident
 * app's first download (more requests, over its size budget), so the element is bundled on its
 * own, in memory, and its files are added to the app's output: `embed.js` at the root of dist/ (a
 * stable name for the portal's script tag, next to the app under any base path), its lazily loaded
 * chunks in assets/, and `embed.css`, all the components' styles in one file, which the element
 * links inside its shadow root. The dev server serves /embed.js from source, so the demo page
 * (public/embed-demo.html) works unchanged with `npm start`.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';
import { messagesPlugin } from './messagesPlugin';
import { checkRulesPlugin } from './rules/plugin';

const ENTRY = fileURLToPath(new URL('../lib/embed/element.ts', import.meta.url));

export function embedPlugin(): Plugin {
  let app: ResolvedConfig;
  return {
    name: 'seoul-benefits-embed',
    configResolved(config) {
      app = config;
    },
    resolveId(id) {
      return id === '/embed.js' ? ENTRY : undefined;
    },
    async generateBundle() {
      if (app.command !== 'build') return;
      const output = (await build({
        configFile: false,
        logLevel: 'warn',
        mode: app.mode,
        base: './',
        plugins: [checkRulesPlugin(), messagesPlugin(), svelte({ configFile: false })],
        resolve: { alias: app.resolve.alias },
        build: {
          write: false,
          target: app.build.target,
          // One stylesheet for the whole element, linked in its shadow root (none injected into the host page).
          cssCodeSplit: false,
          rolldownOptions: {
            input: ENTRY,
            treeshake: app.build.rolldownOptions.treeshake,
            output: {
              entryFileNames: 'embed.js',
              chunkFileNames: 'assets/embed-[name]-[hash].js',
              assetFileNames: (asset) =>
                asset.names.some((n) => n.endsWith('.css')) ? 'embed.css' : 'assets/embed-[name]-[hash][extname]',
            },
          },
        },
      })) as Rolldown.RolldownOutput;
      for (const file of output.output) {
        this.emitFile({ type: 'asset', fileName: file.fileName, source: file.type === 'chunk' ? file.code : file.source });
      }
    },
  };
}
