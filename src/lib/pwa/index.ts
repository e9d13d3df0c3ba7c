/**
 * The update prompt (and with it the service worker's registration) loads once the first screen
 * has painted: offline support must not hold up the first render, nor count in its downloads.
 */
export function loadUpdatePrompt() {
  // Prerendering the first screen (src/lib/startup) has neither a page to paint nor a worker.
  if (import.meta.env.SSR) return new Promise<never>(() => {});
  const frame = globalThis.requestAnimationFrame ?? ((f: () => void) => setTimeout(f));
  return new Promise<void>((painted) => frame(() => setTimeout(painted))).then(() => import('./UpdatePrompt.svelte'));
}
