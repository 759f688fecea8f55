/**
 * An .xlsx package opened from its bytes: the zip entries (kept as stored), the relationships, the sheet
 * list of workbook.xml, and each part's text inflated only when asked. Pure code, no Node APIs.
 */
import { SaxesParser } from 'saxes';
import { inflateEntry, readZip, type ZipEntry } from './zip';


export const REL_OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
export const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const REL_SHARED_STRINGS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings';
export const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
export const REL_THEME = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme';
export const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export interface Relationship {
  id: string;
  type: string;
  /** The target resolved to a part name (no leading slash); null for external targets. */
  part: string | null;
}

export interface WorkbookSheet {
  name: string;
  sheetId: string;
  relId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The part it lives in, and whether it is a worksheet (not a chart, macro or dialog sheet). */
  part: string | null;
  isWorksheet: boolean;
}

const decoder = new TextDecoder('utf-8');

/** A relationship target against the folder of the part that names it (`../x` and `/x` handled). */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = sourcePart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function parseXml(xml: string, onOpen: (name: string, attrs: Record<string, string>) => void): void {
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (node) => onOpen(node.name.slice(node.name.indexOf(':') + 1), node.attributes as Record<string, string>));
  parser.write(xml).close();
}

export class XlsxPackage {
  /** Entries by lower-cased name (zip names in an .xlsx are matched without regard to case). */
  private readonly byName = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  readonly workbookPart: string;
  readonly sheets: WorkbookSheet[];
  readonly date1904: boolean;
  readonly activeTab: number;
  readonly workbookRels: Relationship[];

  constructor(readonly entries: ZipEntry[]) {
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
    const root = this.relationships('').find((r) => r.type === REL_OFFICE_DOCUMENT);
    this.workbookPart = root?.part && this.has(root.part) ? root.part : 'xl/workbook.xml';
    this.workbookRels = this.relationships(this.workbookPart);
    const sheets: WorkbookSheet[] = [];
    let date1904 = false;
    let activeTab = 0;
    const byId = new Map(this.workbookRels.map((r) => [r.id, r]));
    parseXml(this.text(this.workbookPart) ?? '', (name, a) => {
      if (name === 'sheet') {
        const relId = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
        const rel = byId.get(relId);
        const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
        sheets.push({ name: a.name ?? '', sheetId: a.sheetId ?? '', relId, state, part: rel?.part ?? null, isWorksheet: rel?.type === REL_WORKSHEET });
      } else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (name === 'workbookView' && a.activeTab) activeTab = Number(a.activeTab) || 0;
    });
    this.sheets = sheets;
    this.date1904 = date1904;
    this.activeTab = activeTab;
  }

  static fromBytes(bytes: Uint8Array): XlsxPackage {
    return new XlsxPackage(readZip(bytes));
  }

  has(part: string): boolean {
    return this.byName.has(part.toLowerCase());
  }

  entry(part: string): ZipEntry | undefined {
    return this.byName.get(part.toLowerCase());
  }

  /** A part's text (inflated once); null when the package has no such part. */
  text(part: string): string | null {
    const key = part.toLowerCase();
    const known = this.texts.get(key);
    if (known !== undefined) return known;
    const e = this.byName.get(key);
    if (!e) return null;
    let t = decoder.decode(inflateEntry(e));
    if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
    this.texts.set(key, t);
    return t;
  }

  /** Frees a part's inflated text (a large sheet read once need not stay in memory). */
  forget(part: string): void {
    this.texts.delete(part.toLowerCase());
  }

  relationships(part: string): Relationship[] {
    const relsPart = part ? relsPartOf(part) : '_rels/.rels';
    const xml = this.text(relsPart);
    if (!xml) return [];
    const out: Relationship[] = [];
    parseXml(xml, (name, a) => {
      if (name !== 'Relationship') return;
      const external = a.TargetMode === 'External';
      out.push({ id: a.Id ?? '', type: a.Type ?? '', part: external || !a.Target ? null : resolveTarget(part, a.Target) });
    });
    return out;
  }

  /** The part a workbook-level relationship of this type points to (shared strings, styles, theme). */
  workbookPartOfType(type: string): string | null {
    return this.workbookRels.find((r) => r.type === type && r.part && this.has(r.part))?.part ?? null;
  }
}

