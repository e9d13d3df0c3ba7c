/**
 * The page's one inline script (index.html, allowed by its hash), written by src/build/prerenderPlugin.ts:
 * - The prerendered first screen (./firstScreen.ts) is the household question for a new visitor:
 *   in Korean in the app's container, and in each other language we speak (src/lib/languages) in
 *   a <template>. A new visitor whose browser prefers another of them gets theirs put in its place
 *   as soon as the page is parsed, before anything is painted, so it paints from the HTML alone as
 *   Korean does, rather than after the app's code and messages have arrived (Lighthouse's phone:
 *   LCP ~0.8 s instead of ~1.6 s). Until then the stylesheet hides the app: the Korean screen never flashes.
 * - Anyone else — a resident whose answers or language are saved on this device, or staff mode —
 *   would see it flash before their own screen, so the page is marked before it paints and the
 *   stylesheet hides the app until main.ts has mounted the right screen.
 * - The app's code is requested once that first screen has painted, not while it is being laid
 *   out: on a slow link the screen then has the connection to itself.
 */
import { DEFAULT_LOCALE, LOCALE_BY_TAG, type Locale } from '../languages';
import { STORAGE_KEY } from '../storage';

export const RESUME_ATTRIBUTE = 'data-resume';
/** On <html> while the visitor's first screen waits for the page to be parsed: their language's code. */
export const FIRST_SCREEN_ATTRIBUTE = 'data-first-screen';
/** On the app's container: the language of the prerendered screen in it. */
export const SCREEN_LOCALE_ATTRIBUTE = 'data-locale';
const FIRST_SCREEN_ID = 'first-screen-';
/** The id of the <template> holding the first screen in `code`. */
export const firstScreenId = (code: Locale): string => FIRST_SCREEN_ID + code;

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
    `if(h.hasAttribute("${RESUME_ATTRIBUTE}"))return go();` +
    // nearestLocale (src/lib/languages), written small: the browser's first language we speak.
    `try{var n=navigator.languages||[navigator.language],m=${JSON.stringify(LOCALE_BY_TAG)},c,i,t;` +
    `for(i=0;i<n.length&&!c;i++){t=String(n[i]).toLowerCase();c=m[t]||m[t.split("-")[0]]}` +
    `if(c&&c!==${JSON.stringify(DEFAULT_LOCALE)}){h.setAttribute("${FIRST_SCREEN_ATTRIBUTE}",c);` +
    // The parser has finished (no paint yet: the page has no script or stylesheet to wait for).
    `d.addEventListener("DOMContentLoaded",function(){var a=d.getElementById("app"),f=d.getElementById(${JSON.stringify(FIRST_SCREEN_ID)}+c);` +
    `a.replaceChildren(f.content);a.setAttribute("${SCREEN_LOCALE_ATTRIBUTE}",c);h.lang=f.lang;d.title=f.getAttribute("data-title");` +
    `h.removeAttribute("${FIRST_SCREEN_ATTRIBUTE}")})}}catch(e){}` +
    `if(d.visibilityState==="hidden")return go();` +
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

/**
 * Whether the prerendered screen is the one to show (once the page is parsed): it is there, in the
 * language the app speaks (`locale`), and not hidden for a return.
 */
export function canHydrate(target: HTMLElement, locale: string | null | undefined): boolean {
  return (
    target.firstChild !== null &&
    target.getAttribute(SCREEN_LOCALE_ATTRIBUTE) === locale &&
    !document.documentElement.hasAttribute(RESUME_ATTRIBUTE)
  );
}

/** Shows the app once its own screen is mounted (and should the visitor's first screen have failed to show). */
export function reveal(): void {
  document.documentElement.removeAttribute(RESUME_ATTRIBUTE);
  document.documentElement.removeAttribute(FIRST_SCREEN_ATTRIBUTE);
}
