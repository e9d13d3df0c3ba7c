/**
 * The update prompt, and with it the service worker's registration, loads once the page has loaded
 * and the main thread is idle: offline support must not hold up the first screen, its hydration or
 * its downloads (registering makes the browser precache the whole build).
 */
import { whenIdleAfterLoad } from '../startup/idle';

export function loadUpdatePrompt() {
  // Prerendering the first screen (src/lib/startup) has neither a page to load nor a worker.
  if (import.meta.env.SSR) return new Promise<never>(() => {});
  return whenIdleAfterLoad().then(() => import('./UpdatePrompt.svelte'));
}
