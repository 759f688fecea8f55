/**
 * A worksheet's printed header and footer (the `<headerFooter>` element's oddHeader and oddFooter), read from the
 * part's XML and written back by replacing only those two children; the element's other children (first-page
 * and even-page lines) and attributes stay as they are.
 */
import { concat, decodeUtf8, findLast, sheetDataTag, utf8 } from './bytes';
import { escapeXml, unescapeXml } from './xml-text';

/** The elements CT_Worksheet puts after headerFooter, any of which a new headerFooter must precede. */
const AFTER_HEADER_FOOTER = [
  'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing',
  'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

function prefixOf(xml: string): string {
  return /<(\w+:)?worksheet\b/.exec(xml)?.[1] ?? '';
}

/** The oddHeader and oddFooter codes ('' when absent). */
export function readHeaderFooter(xml: string): { header: string; footer: string } {
  const p = prefixOf(xml);
  const element = new RegExp(`<${p}headerFooter\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}headerFooter>)`).exec(xml);
  const inner = element?.[1] ?? '';
  const line = (name: string): string => unescapeXml(new RegExp(`<${p}${name}\\b[^>]*>([\\s\\S]*?)</${p}${name}>`).exec(inner)?.[1] ?? '');
  return { header: line('oddHeader'), footer: line('oddFooter') };
}

export function writeHeaderFooter(xml: string, header: string, footer: string): string {
  return writeAfterSheetData(xml, prefixOf(xml), header, footer);
}

/**
 * The same over a sheet's UTF-8 bytes: headerFooter and every element it must precede come after sheetData, so
 * only the part's tail is decoded and rewritten; the cells are copied as they are.
 */
export function writeHeaderFooterBytes(bytes: Uint8Array, header: string, footer: string): Uint8Array {
  const data = sheetDataTag(bytes);
  if (!data) return utf8(writeHeaderFooter(decodeUtf8(bytes), header, footer));
  const close = `</${data.prefix}sheetData>`;
  const closeAt = data.selfClosing ? data.end : findLast(bytes, close, data.end);
  if (closeAt < 0) throw new Error('sheetData is not closed');
  const cut = data.selfClosing ? data.end : closeAt + close.length;
  const tail = writeAfterSheetData(decodeUtf8(bytes.subarray(cut)), data.prefix, header, footer);
  return concat([bytes.subarray(0, cut), utf8(tail)]);
}

/**
 * The rewrite of a sheet's text after its sheetData (where headerFooter is) that sets these lines: for a patch
 * that writes the cells to pass on, so the patched sheet is not copied a second time.
 */
export function headerFooterTail(header: string, footer: string): (tail: string, prefix: string) => string {
  return (tail, prefix) => writeAfterSheetData(tail, prefix, header, footer);
}

/** The headerFooter element written into `xml` (a whole part, or the part of one after its sheetData). */
function writeAfterSheetData(xml: string, p: string, header: string, footer: string): string {
  const lines = `${header ? `<${p}oddHeader>${escapeXml(header)}</${p}oddHeader>` : ''}${footer ? `<${p}oddFooter>${escapeXml(footer)}</${p}oddFooter>` : ''}`;
  const element = new RegExp(`<${p}headerFooter\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}headerFooter>)`).exec(xml);
  if (element) {
    const others = (element[2] ?? '').replace(new RegExp(`<${p}(oddHeader|oddFooter)\\b[^>]*>[\\s\\S]*?</${p}\\1>|<${p}(oddHeader|oddFooter)\\b[^>]*/>`, 'g'), '');
    const attrs = element[1].replace(/\s*\/$/, '');
    // Emptied and bare (the highlight's legend taken off a sheet that printed none): gone, as before it came.
    const rewritten = !lines && !others.trim() && !attrs.trim() ? '' : `<${p}headerFooter${attrs}>${lines}${others}</${p}headerFooter>`;
    return `${xml.slice(0, element.index)}${rewritten}${xml.slice(element.index + element[0].length)}`;
  }
  if (!lines) return xml;
  const fresh = `<${p}headerFooter>${lines}</${p}headerFooter>`;
  let at = xml.lastIndexOf(`</${p}worksheet>`);
  for (const name of AFTER_HEADER_FOOTER) {
    const m = new RegExp(`<${p}${name}[\\s/>]`).exec(xml);
    if (m && m.index < at) at = m.index;
  }
  return `${xml.slice(0, at)}${fresh}${xml.slice(at)}`;
}
