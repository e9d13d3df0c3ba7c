/**
 * The page's one inline script (index.html, allowed by its hash), written by ./vitePlugin.ts:
 * - The prerendered first screen (./firstScreen.ts) is the household question for a new visitor.
 *   Anyone else — a resident whose answers are saved on this device, or staff mode — would see it
 *   flash before their own screen, so the page is marked before it paints and the stylesheet hides
 *   the app until main.ts has mounted the right screen.
 * - The app's code is requested once that first screen has painted (at once in a background tab),
 *   not while it is being laid out: on a slow link the screen then has the connection to itself.
 */
import { STORAGE_KEY } from '../storage';

export const RESUME_ATTRIBUTE = 'data-resume';

/** The inline script's text, loading the module at `entry` (a URL relative to the page). */
export function startScript(entry: string): string {
  return (
    `try{if(location.hash.indexOf("#/staff")===0||localStorage.getItem(${JSON.stringify(STORAGE_KEY)})!==null)` +
    `document.documentElement.setAttribute("${RESUME_ATTRIBUTE}","")}catch(e){}` +
    `(function(){var s=document.createElement("script");s.type="module";s.src=${JSON.stringify(entry)};` +
    `function go(){document.head.appendChild(s)}` +
    `document.visibilityState==="hidden"?go():requestAnimationFrame(function(){setTimeout(go)})})()`
  );
}

/** Whether the prerendered screen is the one to show: it is there, and not hidden for a return. */
export function canHydrate(target: HTMLElement): boolean {
  return target.firstChild !== null && !document.documentElement.hasAttribute(RESUME_ATTRIBUTE);
}

/** Shows the app once its own screen is mounted. */
export function reveal(): void {
  document.documentElement.removeAttribute(RESUME_ATTRIBUTE);
}
