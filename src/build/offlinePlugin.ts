/**
 * The offline service worker (vite-plugin-pwa, Workbox generateSW): it precaches the build — app,
 * rule data, engine, every locale — so that after one visit the checker loads and works with no
 * network, e.g. at a 동주민센터 with a flaky connection (staff mode registers it too). Nothing else
 * is ever cached: the app fetches nothing at run time, and answers live only in localStorage
 * (src/lib/storage; staff mode's only in memory), never in a cache. A new build waits until the
 * resident accepts the prompt (UpdatePrompt.svelte).
 */
import { VitePWA } from 'vite-plugin-pwa';

export function offlinePlugin() {
  return VitePWA({
    registerType: 'prompt',
    // UpdatePrompt.svelte registers the worker once the page is idle after load; an injected inline script would
    // break the Content-Security-Policy and delay the first paint.
    injectRegister: null,
    manifest: {
      name: '서울 가족 혜택 찾기',
      short_name: '가족 혜택',
      description: '서울에 사는 임신·출산·양육 가정이 받을 수 있는 지원을 찾아 주는 안내 서비스',
      lang: 'ko',
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: '#256ef4',
      background_color: '#ffffff',
      icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    // The icon is precached by globPatterns already.
    includeManifestIcons: false,
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,txt,webmanifest}'],
      // The first visit is controlled as soon as the worker activates, so it already works offline.
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      navigateFallback: 'index.html',
      runtimeCaching: [],
    },
  });
}
