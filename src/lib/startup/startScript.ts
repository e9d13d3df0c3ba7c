/**
 * The page's one inline script (index.html, allowed by its hash), written by src/build/prerenderPlugin.ts:
 * - The prerendered first screen (./firstScreen.ts) is the household question, in Korean, for a new
 *   visitor. Anyone else — a resident whose answers or language are saved on this device, a new
 *   visitor whose browser prefers another language we speak (src/lib/languages), or staff mode —
 *   would see it flash before their own screen, so the page is marked before it paints and the
 *   stylesheet hides the app until main.ts has mounted the right screen.
 * - The app's code is requested once that first screen has painted, not while it is being laid
 *   out: on a slow link the screen then has the connection to itself.
 */
import { DEFAULT_LOCALE, LOCALE_BY_TAG } from '../languages';
import { STORAGE_KEY } from '../storage';

export const RESUME_ATTRIBUTE = 'data-resume';

/**
 * The inline script's text, loading the module at `entry` (a URL relative to the page) once the
 * first contentful paint is reported — at once when nothing of ours will paint (a hidden tab, a
 * returning visitor's hidden screen) and, where paint timing is missing, after a second at most.
 */
export function startScript(entry: string): string {
  return (
    `(function(){var d=document,h=d.documentElement,s=d.createElement("script"),o;` +
    `s.type="module";s.src=${JSON.stringify(entry)};` +
    `function go(){if(o)o.disconnect();if(!s.parentNode)d.head.appendChild(s)}` +
    `try{if(location.hash.indexOf("#/staff")===0||localStorage.getItem(${JSON.stringify(STORAGE_KEY)})!==null)h.setAttribute("${RESUME_ATTRIBUTE}","")}catch(e){}` +
    // nearestLocale (src/lib/languages), written small: the browser's first language we speak.
    `try{var n=navigator.languages||[navigator.language],m=${JSON.stringify(LOCALE_BY_TAG)},c,i,t;` +
    `for(i=0;i<n.length&&!c;i++){t=String(n[i]).toLowerCase();c=m[t]||m[t.split("-")[0]]}` +
    `if(c&&c!==${JSON.stringify(DEFAULT_LOCALE)})h.setAttribute("${RESUME_ATTRIBUTE}","")}catch(e){}` +
    `if(h.hasAttribute("${RESUME_ATTRIBUTE}")||d.visibilityState==="hidden")return go();` +
    `try{o=new PerformanceObserver(function(l){if(l.getEntriesByName("first-contentful-paint").length)setTimeout(go)});` +
    `o.observe({type:"paint",buffered:true})}catch(e){}` +
    `setTimeout(go,1000)})()`
  );
}

/** Resolves once the whole page is parsed: the script above may run the app before that. */
export function documentParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((parsed) => document.addEventListener('DOMContentLoaded', () => parsed(), { once: true }));
}

/** Whether the prerendered screen is the one to show: it is there, and not hidden for a return. */
export function canHydrate(target: HTMLElement): boolean {
  return target.firstChild !== null && !document.documentElement.hasAttribute(RESUME_ATTRIBUTE);
}

/** Shows the app once its own screen is mounted. */
export function reveal(): void {
  document.documentElement.removeAttribute(RESUME_ATTRIBUTE);
}
