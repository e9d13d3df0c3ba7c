/**
 * A QR code as an inline SVG element built with DOM APIs: the page's CSP (img-src 'self') would
 * block a data: image URL, and a vector stays sharp at any size and zoom. `qr` computes the
 * symbol; this module is loaded only when a code is shown.
 */
import encodeQR from 'qr';

const SVG = 'http://www.w3.org/2000/svg';
/** The light border a reader needs around the symbol (ISO/IEC 18004: four modules). */
const QUIET_ZONE = 4;

/** One path of the dark modules, each run of them in a row as one rectangle. */
export function modulePath(modules: boolean[][]): string {
  let d = '';
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      d += `M${start} ${y}h${x - start + 1}v1H${start}z`;
    }
  });
  return d;
}

/** The symbol's modules, quiet zone included (error correction M: a phone screen's glare and scratches). */
export const qrModules = (text: string): boolean[][] => encodeQR(text, 'raw', { ecc: 'medium', border: QUIET_ZONE });

/** The QR code for `text`, named `label` for screen readers. */
export function qrSvg(text: string, label: string, doc: Document = document): SVGSVGElement {
  const modules = qrModules(text);
  const extent = String(modules.length);
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${extent} ${extent}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const background = doc.createElementNS(SVG, 'rect');
  background.setAttribute('width', extent);
  background.setAttribute('height', extent);
  background.setAttribute('fill', '#fff');
  const path = doc.createElementNS(SVG, 'path');
  path.setAttribute('d', modulePath(modules));
  path.setAttribute('fill', '#000');
  svg.append(background, path);
  return svg;
}
