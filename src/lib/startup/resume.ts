/**
 * The prerendered first screen (./firstScreen.ts) is the household question for a new visitor.
 * Anyone else — a resident whose answers are saved on this device, or staff mode — would see it
 * flash before their own screen, so a tiny inline script in index.html marks the page before it
 * paints and the stylesheet hides the app until main.ts has mounted the right screen.
 */
import { STORAGE_KEY } from '../storage';

export const RESUME_ATTRIBUTE = 'data-resume';

/** The inline script's text; its hash is allowed in the page's Content-Security-Policy. */
export const RESUME_SCRIPT =
  `try{if(location.hash.indexOf("#/staff")===0||localStorage.getItem(${JSON.stringify(STORAGE_KEY)})!==null)` +
  `document.documentElement.setAttribute("${RESUME_ATTRIBUTE}","")}catch(e){}`;

/** Whether the prerendered screen is the one to show: it is there, and not hidden for a return. */
export function canHydrate(target: HTMLElement): boolean {
  return target.firstChild !== null && !document.documentElement.hasAttribute(RESUME_ATTRIBUTE);
}

/** Shows the app once its own screen is mounted. */
export function reveal(): void {
  document.documentElement.removeAttribute(RESUME_ATTRIBUTE);
}
