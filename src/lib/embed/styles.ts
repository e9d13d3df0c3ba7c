/**
 * Styles inside the element's shadow root. The app's base stylesheet comes in as text and is
 * adopted (a constructed stylesheet, which a strict style-src CSP allows), its page-level
 * selectors (:root, body) turned into :host, so the host page's own custom properties on the
 * element (--sbc-primary…) override our defaults and nothing of ours leaks into the host page.
 */
import baseCss from '../ui/global.css?inline';

export function shadowCss(css: string): string {
  return css.replace(/:root\b/g, ':host').replace(/(^|[\s}])body(\s*\{)/g, '$1:host$2');
}

export const HOST_CSS = `${shadowCss(baseCss)}
:host { display: block; }
`;
