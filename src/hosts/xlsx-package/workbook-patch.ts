/**
 * The package's entries after a change: the sheet list in workbook.xml, its relationships and
 * [Content_Types].xml are edited only when sheets came or went, and then only in the elements concerned;
 * every other entry is the input's, as stored.
 */
import { escapeAttr, readTag } from './xml-text';
import { REL_WORKSHEET, WORKSHEET_CONTENT_TYPE, relsPartOf, type WorkbookSheet, type XlsxPackage } from './package';
import { newEntry, type ZipEntry } from './zip';

export interface LiveSheet extends WorkbookSheet {
  /** The print-titles formula the product gives this sheet (null: none; undefined: as the file has it). */
  printTitles: string | null | undefined;
  /** The part is the product's, written now (a new sheet, or one that replaced a product sheet). */
  isNew: boolean;
  /** Position in the input's sheet list; -1 for a sheet added now. */
  origin: number;
}

export interface RewriteInput {
  pkg: XlsxPackage;
  live: LiveSheet[];
  activeName: string;
  /** Whole parts written now, by lower-cased name. */
  written: Map<string, string>;
  /** Parts of the input with new content (patched sheets as UTF-8 bytes, styles as text), by lower-cased name. */
  patchedText: Map<string, string | Uint8Array>;
  removedParts: Set<string>;
  structureChanged: boolean;
  stamp: { time: number; date: number };
}

const encoder = new TextEncoder();

function relativeTarget(fromPart: string, part: string): string {
  const folder = fromPart.slice(0, fromPart.lastIndexOf('/') + 1);
  return folder && part.startsWith(folder) ? part.slice(folder.length) : `/${part}`;
}

function sheetElements(workbookXml: string): { prefix: string; open: RegExpExecArray; end: number; items: string[] } {
  const open = /<(\w+:)?sheets\b[^>]*>/.exec(workbookXml);
  if (!open) throw new Error('workbook.xml has no sheets');
  const prefix = open[1] ?? '';
  const close = `</${prefix}sheets>`;
  const end = workbookXml.indexOf(close, open.index) + close.length;
  const inner = workbookXml.slice(open.index + open[0].length, end - close.length);
  const items = inner.match(new RegExp(`<${prefix}sheet\\b[^>]*?/>`, 'g')) ?? [];
  return { prefix, open, end, items };
}

/** workbook.xml with the new sheet list, defined names following their sheets, and the active tab kept. */
function rewriteWorkbook(xml: string, input: RewriteInput, relIds: Map<LiveSheet, string>, sheetIds: Map<LiveSheet, string>): string {
  const { prefix, open, end, items } = sheetElements(xml);
  const relAttr = items.map((i) => /\s(\w+):id=/.exec(i)?.[1]).find(Boolean) ?? 'r';
  const element = (s: LiveSheet): string => {
    if (!s.isNew && s.origin >= 0 && items[s.origin]) return items[s.origin];
    const state = s.state !== 'visible' ? ` state="${s.state}"` : '';
    return `<${prefix}sheet name="${escapeAttr(s.name)}" sheetId="${sheetIds.get(s)}"${state} ${relAttr}:id="${relIds.get(s)}"/>`;
  };
  let out = `${xml.slice(0, open.index)}<${prefix}sheets>${input.live.map(element).join('')}</${prefix}sheets>${xml.slice(end)}`;

  // Sheet-scoped names count sheets by position: follow each sheet to its new place; names of sheets the product
  // replaced or removed go with them.
  const newIndexOfOrigin = new Map<number, number>();
  input.live.forEach((s, i) => {
    if (s.origin >= 0 && !s.isNew) newIndexOfOrigin.set(s.origin, i);
  });
  const names = new RegExp(`<${prefix}definedName\\b[^>]*?(?:/>|>[\\s\\S]*?</${prefix}definedName>)`, 'g');
  out = out.replace(names, (m) => {
    const local = /\slocalSheetId="(\d+)"/.exec(m);
    if (!local) return m;
    const moved = newIndexOfOrigin.get(Number(local[1]));
    return moved === undefined ? '' : m.replace(local[0], ` localSheetId="${moved}"`);
  });
  const titles = input.live
    .map((s, i) => (s.isNew && s.printTitles ? `<${prefix}definedName name="_xlnm.Print_Titles" localSheetId="${i}">${s.printTitles.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${prefix}definedName>` : ''))
    .join('');
  if (titles) {
    const close = `</${prefix}definedNames>`;
    if (out.includes(close)) out = out.replace(close, `${titles}${close}`);
    else {
      const after = [`</${prefix}externalReferences>`, `</${prefix}functionGroups>`, `</${prefix}sheets>`].find((t) => out.includes(t)) as string;
      out = out.replace(after, `${after}<${prefix}definedNames>${titles}</${prefix}definedNames>`);
    }
  }
  out = out.replace(new RegExp(`<${prefix}definedNames>\\s*</${prefix}definedNames>`), '');

  const active = Math.max(0, input.live.findIndex((s) => s.name === input.activeName));
  out = out.replace(new RegExp(`<${prefix}workbookView\\b[^>]*?/?>`), (tag) => {
    let t = /\sactiveTab="/.test(tag) ? tag.replace(/\sactiveTab="\d*"/, ` activeTab="${active}"`) : active ? tag.replace(/^(<[\w:]+)/, `$1 activeTab="${active}"`) : tag;
    // The first tab shown in the tab bar must still exist.
    t = t.replace(/\sfirstSheet="(\d+)"/, (m, n: string) => (Number(n) < input.live.length ? m : ' firstSheet="0"'));
    return t;
  });
  return out;
}

export function rewritePackage(input: RewriteInput): ZipEntry[] {
  const { pkg } = input;
  const replaced = new Map<string, string | Uint8Array>(input.patchedText);
  const skip = new Set<string>();
  for (const part of input.removedParts) {
    skip.add(part);
    skip.add(relsPartOf(part).toLowerCase());
  }

  if (input.structureChanged) {
    const usedRelIds = new Set(pkg.workbookRels.map((r) => r.id));
    const relIds = new Map<LiveSheet, string>();
    const sheetIds = new Map<LiveSheet, string>();
    let maxSheetId = Math.max(0, ...pkg.sheets.map((s) => Number(s.sheetId) || 0));
    let n = 1;
    for (const s of input.live) {
      if (!s.isNew) continue;
      while (usedRelIds.has(`rId${n}`)) n++;
      usedRelIds.add(`rId${n}`);
      relIds.set(s, `rId${n}`);
      sheetIds.set(s, String(++maxSheetId));
    }
    const workbookKey = pkg.workbookPart.toLowerCase();
    replaced.set(workbookKey, rewriteWorkbook(pkg.text(pkg.workbookPart) ?? '', input, relIds, sheetIds));

    // Relationships: drop those of sheets that are gone (their ids no longer named by a live sheet), add the new.
    const liveRelIds = new Set(input.live.filter((s) => !s.isNew).map((s) => s.relId));
    const goneRelIds = new Set(pkg.sheets.map((s) => s.relId).filter((id) => !liveRelIds.has(id)));
    const relsPart = relsPartOf(pkg.workbookPart);
    let rels = pkg.text(relsPart) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    rels = rels.replace(/<Relationship\b[^>]*?\/>/g, (m) => (goneRelIds.has(readTag(m, 0).attrs.Id ?? '') ? '' : m));
    const added = input.live
      .filter((s) => s.isNew)
      .map((s) => `<Relationship Id="${relIds.get(s)}" Type="${REL_WORKSHEET}" Target="${escapeAttr(relativeTarget(pkg.workbookPart, s.part as string))}"/>`)
      .join('');
    rels = rels.replace('</Relationships>', `${added}</Relationships>`);
    replaced.set(relsPart.toLowerCase(), rels);

    let types = pkg.text('[Content_Types].xml') ?? '';
    types = types.replace(/<Override\b[^>]*?\/>/g, (m) => {
      const name = (readTag(m, 0).attrs.PartName ?? '').replace(/^\//, '').toLowerCase();
      return skip.has(name) ? '' : m;
    });
    const overrides = input.live
      .filter((s) => s.isNew)
      .map((s) => `<Override PartName="/${escapeAttr(s.part as string)}" ContentType="${WORKSHEET_CONTENT_TYPE}"/>`)
      .join('');
    types = types.replace('</Types>', `${overrides}</Types>`);
    replaced.set('[content_types].xml', types);
  }

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  for (const e of pkg.entries) {
    const key = e.name.toLowerCase();
    if (skip.has(key) && !input.written.has(key)) continue;
    seen.add(key);
    const content = input.written.get(key) ?? replaced.get(key);
    entries.push(content === undefined ? e : newEntry(e.name, typeof content === 'string' ? encoder.encode(content) : content, { time: e.time, date: e.date }));
  }
  for (const s of input.live) {
    const key = (s.part ?? '').toLowerCase();
    const content = input.written.get(key);
    if (!s.isNew || seen.has(key) || content === undefined) continue;
    entries.push(newEntry(s.part as string, encoder.encode(content), input.stamp));
  }
  return entries;
}
