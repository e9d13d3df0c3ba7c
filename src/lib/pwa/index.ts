/**
 * The update prompt (and with it the service worker's registration) loads once the first screen
 * has painted: offline support must not hold up the first render, nor count in its downloads.
 */
export function loadUpdatePrompt() {
  const frame = globalThis.requestAnimationFrame ?? ((f: () => void) => setTimeout(f));
  return new Promise<void>((painted) => frame(() => setTimeout(painted))).then(() => import('./UpdatePrompt.svelte'));
}
