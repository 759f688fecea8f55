/**
 * WorkbookHost over the .xlsx package itself: reads the parts the workflows need and, on save, writes a
 * package in which every part the changes do not concern is the input's entry, stored bytes and all. A colour
 * change adds formats to styles.xml and rewrites the `s` of the cells it colours; a product sheet is a part of
 * its own plus its entries in workbook.xml, its relationships and [Content_Types].xml. No Node APIs: the pane
 * can use it on a file's bytes; the CLI's shell (src/cli/package-file.ts) reads and writes the file.
 */
import { parseAddress } from '../../domain/address';
import { isoToSerial } from '../../domain/dates';
import { UserFacingError } from '../../domain/errors';
import { text } from '../../domain/i18n';
import { headerFooterCode, parseHeaderFooterCode, type SheetSpec, type SpecValue } from '../../domain/sheet-spec';
import type { CellRange, CellStyle, CellValue, LocalText, SheetGrid } from '../../domain/types';
import { chunkStateText, placeStateSheet, type StateSheetPlace } from '../../domain/workbook-state';
import { probeKey } from '../../ports/workbook-host';
import type { CellWrite, HostCapabilities, ReadRequest, SheetInfo, SheetLook, WorkbookChange, WorkbookHost, WorkbookSnapshot } from '../../ports/workbook-host';
import { assertSpreadsheetPackage, assertZipContainer, corruptFileError } from '../package-sniff';
import { isValidRange } from '../../domain/sheet-spec-rules';
import { DATE_FORMAT, invalidRange, unknownSheet, validateChanges } from '../spec-rules';
import { OFFICE_THEME, type ThemePalette, colourToken, normaliseFill, parseColourToken, resolveColour, themePaletteFromXml } from '../xlsx/colour-token';
import { headerFooterTail, readHeaderFooter, writeHeaderFooter, writeHeaderFooterBytes } from './header-footer';
import { REL_SHARED_STRINGS, REL_STYLES, REL_THEME, XlsxPackage } from './package';
import { patchColumnWidths, patchColumnWidthsBytes, readColumnWidths, type ColumnWidth } from './sheet-cols';
import { patchSheetBytes, patchSheetXml, type CellPatch, type SheetPatches } from './sheet-patch';
import { readSharedStrings, readSheetBytes, readSheetXml, type SheetModel, type SheetRow } from './sheet-reader';
import { unescapeXml } from './xml-text';
import { specSheetXml } from './spec-sheet';
import { StyleSheet, fillModel, fillXmlOf, fontColourModel, isDateFormatCode, withFontColour } from './styles';
import { rewritePackage, type LiveSheet } from './workbook-patch';
import { ZipFormatError, dosStamp, inflateEntry, readZip, writeZip } from './zip';

type Visibility = SheetInfo['visibility'];

/** A cell's colours as read, before its address is attached. */
type StyleAt = Omit<CellStyle, 'row' | 'col'>;

/** Visits every cell of a range, row by row (a plain loop: a range may hold hundreds of thousands of cells). */
function forEachCellOf(r: CellRange, visit: (row: number, col: number) => void): void {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) visit(row, col);
}

/** Whether column `c` is a covered (not the master) cell of one of a row's merged intervals [left, right, master]. */
function isCovered(intervals: [number, number, number][], c: number): boolean {
  for (let i = 0; i < intervals.length; i++) {
    const [l, r, master] = intervals[i];
    if (c >= l && c <= r && c !== master) return true;
  }
  return false;
}

/** The position of `col` in a row's ascending columns; -1 when the row holds no such cell. */
function positionOf(cols: number[], col: number): number {
  let lo = 0;
  let hi = cols.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = cols[mid];
    if (c === col) return mid;
    if (c < col) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const hexArgb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

export class PackageHost implements WorkbookHost {
  readonly capabilities: HostCapabilities = { host: 'xlsx', apiVersion: null, readsMerges: true, charts: false, headerFooter: true };

  private readonly styles: StyleSheet;
  private readonly theme: ThemePalette;
  private strings: string[] | null = null;
  private readonly models = new Map<string, SheetModel>();
  /** Parts whose model holds values written by the product (that model cannot be read again from the part). */
  private readonly valuesWritten = new Set<string>();
  /** Pending changes to the clerk's sheets, by part: only these cells are rewritten on save. */
  private readonly patches = new Map<string, SheetPatches>();
  /** Whole parts the product (re)wrote: its own sheets. */
  private readonly written = new Map<string, string>();
  private readonly live: LiveSheet[];
  private readonly removedParts = new Set<string>();
  private activeName: string;
  private readonly styleCache = new Map<number, StyleAt>();
  private readonly grids = new WeakMap<SheetModel, SheetGrid>();
  private structureChanged = false;
  /** The printed header/footer lines each read sheet had, by part (read with its cells: the text is not kept). */
  private readonly printedLines = new Map<string, { header: string; footer: string }>();
  /** Each read sheet's XML before its cells (where its column widths are), by part. */
  private readonly sheetHeads = new Map<string, string>();
  /** Pending printed header/footer lines, by part. */
  private readonly headerFooters = new Map<string, { header: string; footer: string }>();
  /** Pending column widths, by part (a later width for a column wins). */
  private readonly widths = new Map<string, ColumnWidth[]>();

  private constructor(private readonly pkg: XlsxPackage) {
    const stylesPart = pkg.workbookPartOfType(REL_STYLES);
    this.styles = new StyleSheet(stylesPart ? pkg.text(stylesPart) : null);
    const themePart = pkg.workbookPartOfType(REL_THEME);
    this.theme = themePart ? themePaletteFromXml(pkg.text(themePart)) : OFFICE_THEME;
    this.live = pkg.sheets.map((s, origin) => ({ ...s, printTitles: undefined, isNew: false, origin }));
    const all = pkg.sheets;
    const active = all[pkg.activeTab];
    const worksheets = all.filter((s) => s.isWorksheet);
    const visible = worksheets.filter((s) => s.state === 'visible');
    this.activeName = active && active.isWorksheet && active.state === 'visible' ? active.name : ((visible[0] ?? worksheets[0])?.name ?? '');
  }

  /** Opens the bytes of an .xlsx; throws UserFacingError (zh-CN first) for anything that is not one. */
  static open(bytes: Uint8Array, label = '（内存中的文件）'): PackageHost {
    assertZipContainer(bytes, label);
    let pkg: XlsxPackage;
    try {
      const entries = readZip(bytes);
      const workbook = entries.find((e) => e.name.toLowerCase() === 'xl/workbook.xml');
      assertSpreadsheetPackage(
        entries.map((e) => e.name),
        workbook ? new TextDecoder().decode(inflateEntry(workbook)) : null,
        label,
      );
      pkg = new XlsxPackage(entries);
    } catch (e) {
      if (e instanceof UserFacingError) throw e;
      throw corruptFileError(label, e instanceof Error ? e.message : String(e));
    }
    try {
      return new PackageHost(pkg);
    } catch (e) {
      if (e instanceof UserFacingError) throw e;
      throw corruptFileError(label, e instanceof Error ? e.message : String(e));
    }
  }

  /**
   * What a patched save cannot keep safe, one entry per kind (nothing else in the package is at risk: every
   * part a change does not concern is copied as stored):
   *  - a workbook whose structure is protected: the product adds and replaces its own sheets, which the
   *    protection forbids;
   *  - a digital signature: any changed part invalidates it;
   *  - a macro-enabled workbook written to an .xlsx name: Excel refuses to open macro content under that name.
   */
  refusals(outputName: string): LocalText[] {
    const out: LocalText[] = [];
    const workbook = this.pkg.text(this.pkg.workbookPart) ?? '';
    if (/<(?:\w+:)?workbookProtection\b[^>]*\slockStructure="(?:1|true)"/.test(workbook)) {
      out.push(text('工作簿结构保护（不能增删工作表）', 'workbook structure protection (no sheets may be added or removed)'));
    }
    if (this.pkg.entries.some((e) => /^_xmlsignatures\//i.test(e.name))) out.push(text('数字签名（任何改动都会使签名失效）', 'a digital signature (any change invalidates it)'));
    const types = this.pkg.text('[Content_Types].xml') ?? '';
    if (/\.xlsx$/i.test(outputName) && /sheet\.main\+xml|macroEnabled\.main\+xml/i.test(types) && /macroEnabled/i.test(types)) {
      out.push(text('宏（启用宏的工作簿不能保存为 .xlsx）', 'macros (a macro-enabled workbook cannot be saved as .xlsx)'));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------
  // Reading

  private worksheets(): LiveSheet[] {
    return this.live.filter((s) => s.isWorksheet);
  }

  private findSheet(name: string): LiveSheet | undefined {
    const sheets = this.worksheets();
    const lower = name.toLowerCase();
    return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === lower);
  }

  private sheet(name: string): LiveSheet {
    const s = this.findSheet(name);
    if (!s || !s.part) throw unknownSheet(name);
    return s;
  }

  private sharedStrings(): string[] {
    if (!this.strings) {
      const part = this.pkg.workbookPartOfType(REL_SHARED_STRINGS);
      const xml = part ? this.pkg.text(part) : null;
      this.strings = xml ? readSharedStrings(xml) : [];
      if (part) this.pkg.forget(part);
    }
    return this.strings;
  }

  private model(sheet: LiveSheet): SheetModel {
    const part = sheet.part as string;
    const key = part.toLowerCase();
    let m = this.models.get(key);
    if (!m) {
      const own = this.written.get(key);
      const entry = own === undefined ? this.pkg.entry(part) : undefined;
      if (own === undefined && !entry) throw new UserFacingError('xlsx.corrupt', text(`工作表“${sheet.name}”的内容缺失`, `The content of sheet "${sheet.name}" is missing`));
      try {
        const ctx = { sharedStrings: () => this.sharedStrings(), styles: this.styles, date1904: this.pkg.date1904 };
        // The clerk's sheet is read from its bytes (as text a 100 000-row sheet is some 60 MB); a patched save
        // inflates it again rather than keeping them.
        const read = entry ? readSheetBytes(inflateEntry(entry), ctx) : null;
        const xml = own ?? '';
        m = read ? read.model : readSheetXml(xml, ctx);
        this.printedLines.set(key, readHeaderFooter(read ? read.outside : xml));
        this.sheetHeads.set(key, read ? read.head : xml.slice(0, Math.max(0, xml.search(/<(?:\w+:)?sheetData\b/))));
        this.pkg.forget(part);
      } catch (e) {
        throw corruptFileError(sheet.name, e instanceof Error ? e.message : String(e));
      }
      this.models.set(key, m);
    }
    return m;
  }

  async read(request: ReadRequest = {}): Promise<WorkbookSnapshot> {
    const sheets: SheetInfo[] = this.worksheets().map((s) => ({ name: s.name, visibility: s.state as Visibility }));
    const wanted = request.sheet ?? this.activeName;
    const ws = this.findSheet(wanted);
    const state = this.stateSheetPlace();
    const snapshot: WorkbookSnapshot = { sheets, activeSheet: this.activeName, grid: ws ? this.grid(ws) : null, stateText: state.stateText, stateSheet: state.sheet };
    if (ws?.part) {
      const key = ws.part.toLowerCase();
      const codes = this.headerFooters.get(key) ?? this.printedLines.get(key) ?? readHeaderFooter(this.written.get(key) ?? this.pkg.text(ws.part) ?? '');
      snapshot.headerFooter = { header: parseHeaderFooterCode(codes.header), footer: parseHeaderFooterCode(codes.footer) };
    }
    if (request.look && ws?.part && snapshot.grid) snapshot.look = this.look(ws, snapshot.grid);
    if (request.probes) {
      const answers: Record<string, CellValue> = {};
      for (const probe of request.probes) {
        const s = this.findSheet(probe.sheet);
        const cell = parseAddress(probe.address);
        if (!s || !cell) continue;
        answers[probeKey(probe)] = this.valueAt(this.model(s), cell.top, cell.left);
      }
      snapshot.probes = answers;
    }
    return snapshot;
  }

  /** Column widths up to the grid's right edge (pending ones included), and the font most cells with a value carry. */
  private look(sheet: LiveSheet, grid: SheetGrid): SheetLook {
    const key = (sheet.part as string).toLowerCase();
    const lastCol = grid.originCol + (grid.values[0]?.length ?? 0) - 1;
    const columnWidths = readColumnWidths(this.written.get(key) ?? this.sheetHeads.get(key) ?? this.pkg.text(sheet.part as string) ?? '', lastCol);
    for (const w of this.widths.get(key) ?? []) if (w.col <= lastCol) columnWidths[w.col] = w.width;
    const counts = new Map<number, number>();
    for (const row of this.model(sheet).rows.values()) {
      for (let i = 0; i < row.cols.length; i++) if (row.values[i] !== null && row.values[i] !== '') counts.set(row.styles[i], (counts.get(row.styles[i]) ?? 0) + 1);
    }
    let commonest = -1;
    let most = 0;
    for (const [xf, n] of counts) if (n > most) [commonest, most] = [xf, n];
    const xf = commonest < 0 ? undefined : this.styles.xf(commonest);
    const fontXml = xf ? this.styles.fontXml(xf.fontId) : undefined;
    const fontName = fontXml ? /<(?:\w+:)?name val="([^"]*)"/.exec(fontXml)?.[1] : undefined;
    return fontName ? { columnWidths, fontName: unescapeXml(fontName) } : { columnWidths };
  }

  private valueAt(m: SheetModel, row: number, col: number): CellValue {
    const r = m.rows.get(row);
    if (!r) return null;
    const i = r.cols.indexOf(col);
    return i < 0 ? null : r.values[i];
  }

  /**
   * The sheet's grid, built once per model (workflows read a sheet several times — report checks, highlights and
   * summarises — and never change a grid they are given; a value write drops the model, and so the grid).
   */
  private grid(sheet: LiveSheet): SheetGrid {
    const m = this.model(sheet);
    let g = this.grids.get(m);
    if (!g) this.grids.set(m, (g = this.buildGrid(sheet.name, m)));
    return { ...g, sheet: sheet.name };
  }

  /** The used range of values (formats alone do not stretch it), widened over merges that start inside it. */
  private buildGrid(name: string, m: SheetModel): SheetGrid {
    const covered = new Map<number, [number, number, number][]>();
    for (const g of m.merges) {
      if (g.top === g.bottom && g.left === g.right) continue;
      for (let r = g.top; r <= g.bottom; r++) {
        if (!m.rows.has(r)) continue;
        let list = covered.get(r);
        if (!list) covered.set(r, (list = []));
        list.push([g.left, g.right, r === g.top ? g.left : -1]);
      }
    }
    // The reader meets rows in the file's order, ascending in every file Excel writes: sorted only when not.
    const rowNumbers = [...m.rows.keys()];
    if (!rowNumbers.every((r, i) => i === 0 || r > rowNumbers[i - 1])) rowNumbers.sort((a, b) => a - b);
    // Whether a row's i-th cell shows in the grid: it has a value, and is not the covered part of a merge (which
    // shows the master's value, whatever the file holds there).
    const shows = (row: SheetRow, i: number, merged: [number, number, number][] | undefined): boolean => {
      const v = row.values[i];
      return v !== null && v !== '' && !(merged && isCovered(merged, row.cols[i]));
    };
    const hiddenRows: number[] = [];
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    // Two passes over the model (the extent, then the values) rather than a copy of every row's shown cells.
    for (const r of rowNumbers) {
      const row = m.rows.get(r)!;
      if (row.hidden) hiddenRows.push(r);
      const merged = covered.get(r);
      let first = -1;
      let last = -1;
      for (let i = 0; i < row.cols.length; i++) {
        if (!shows(row, i, merged)) continue;
        if (first < 0) first = row.cols[i];
        last = row.cols[i];
      }
      if (first < 0) continue;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, first);
      right = Math.max(right, last);
    }
    const merges = m.merges.map((g) => ({ ...g }));
    if (bottom < 0) return { sheet: name, originRow: 0, originCol: 0, values: [], merges, mergesKnown: true, hiddenRows };
    for (const g of merges) {
      if (g.top > bottom || g.bottom < top || g.left > right || g.right < left) continue;
      bottom = Math.max(bottom, g.bottom);
      right = Math.max(right, g.right);
    }
    const width = right - left + 1;
    const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () => new Array<CellValue>(width).fill(null));
    for (const r of rowNumbers) {
      if (r < top || r > bottom) continue;
      const row = m.rows.get(r)!;
      const merged = covered.get(r);
      const target = values[r - top];
      for (let i = 0; i < row.cols.length; i++) if (shows(row, i, merged)) target[row.cols[i] - left] = row.values[i];
    }
    return { sheet: name, originRow: top, originCol: left, values, merges, mergesKnown: true, hiddenRows };
  }

  private stateSheetPlace(): StateSheetPlace {
    return placeStateSheet(
      this.worksheets().map((s) => ({ name: s.name, visibility: s.state })),
      (name) => this.readStateText(this.findSheet(name)!),
    );
  }

  private readStateText(s: LiveSheet): string | null {
    const m = this.model(s);
    const chunks: string[] = [];
    for (const r of [...m.rows.keys()].sort((a, b) => a - b)) {
      const row = m.rows.get(r)!;
      const i = row.cols.indexOf(0);
      const v = i < 0 ? null : row.values[i];
      if (typeof v === 'string') chunks.push(v);
    }
    return chunks.join('') || null;
  }

  private styleOf(xfIndex: number): StyleAt {
    const known = this.styleCache.get(xfIndex);
    if (known) return known;
    const xf = this.styles.xf(xfIndex);
    const fillXml = xf ? this.styles.fillXml(xf.fillId) : undefined;
    const fontXml = xf ? this.styles.fontXml(xf.fontId) : undefined;
    const fill = fillXml ? fillModel(fillXml) : undefined;
    const color = fontXml ? fontColourModel(fontXml) : undefined;
    const style: StyleAt = {
      fill: normaliseFill(fill, this.theme),
      font: resolveColour(color, this.theme),
      token: colourToken({ fill, font: fontXml ? { color } : undefined } as Parameters<typeof colourToken>[0]),
    };
    this.styleCache.set(xfIndex, style);
    return style;
  }

  async readStyles(sheet: string, ranges: CellRange[]): Promise<CellStyle[]> {
    const s = this.sheet(sheet);
    const bad = ranges.find((r) => !isValidRange(r));
    if (bad) throw invalidRange(sheet, bad);
    const m = this.model(s);
    const out: CellStyle[] = [];
    const patches = this.patches.get((s.part as string).toLowerCase());
    for (const r of ranges) {
      forEachCellOf(r, (row, col) => {
        const style = this.styleOf(this.xfAtFast(patches, m, row, col));
        out.push({ row, col, fill: style.fill, font: style.font, token: style.token });
      });
    }
    return out;
  }

  /** The format a cell shows: a pending patch's, else its own (found by binary search: a row's columns ascend), the row's or the column's. */
  private xfAtFast(patches: SheetPatches | undefined, m: SheetModel, row: number, col: number): number {
    const patch = patches?.get(row)?.get(col);
    if (patch?.s !== undefined) return patch.s;
    const r = m.rows.get(row);
    if (r) {
      const i = positionOf(r.cols, col);
      if (i >= 0) return r.styles[i];
      if (r.style !== null) return r.style;
    }
    const c = m.colStyles.find(([lo, hi]) => col >= lo && col <= hi);
    return c ? c[2] : 0;
  }

  // ---------------------------------------------------------------------------------------------------
  // Changing

  async apply(changes: WorkbookChange[]): Promise<void> {
    const stateSheet = changes.some((c) => c.kind === 'state') ? this.stateSheetPlace() : null;
    validateChanges(this.worksheets().map((s) => s.name), changes, stateSheet?.writeName);
    if (changes.some((c) => c.kind !== 'state' && c.kind !== 'sheet' && c.kind !== 'deleteSheet') && !this.styles.hasXml) {
      throw new UserFacingError('xlsx.no_styles', text('工作簿缺少样式部件（styles.xml），无法改色', 'The workbook has no styles part (styles.xml), so colours cannot be changed'));
    }
    for (const change of changes) {
      switch (change.kind) {
        case 'colour':
          this.colour(change.sheet, change.ranges, change.fill, change.font);
          break;
        case 'restore':
          this.restore(change.sheet, change.styles);
          break;
        case 'state':
          this.writeState(change.text, stateSheet!);
          break;
        case 'sheet':
          this.putSheet(change.spec, change.replaces ?? null);
          break;
        case 'cells':
          this.writeCells(change.sheet, change.writes);
          break;
        case 'deleteSheet':
          this.removeSheet(this.sheet(change.sheet));
          break;
        case 'columnWidths': {
          const key = (this.sheet(change.sheet).part as string).toLowerCase();
          this.widths.set(key, [...(this.widths.get(key) ?? []), ...change.widths]);
          break;
        }
        case 'headerFooter':
          this.headerFooters.set((this.sheet(change.sheet).part as string).toLowerCase(), { header: headerFooterCode(change.value.header), footer: headerFooterCode(change.value.footer) });
          break;
        default: {
          // A change kind added to the port must be handled here before the compiler lets this pass.
          const unhandled: never = change;
          throw new Error(`unhandled change ${JSON.stringify(unhandled)}`);
        }
      }
    }
  }

  async select(): Promise<void> {
    // Nothing to show outside Excel.
  }

  private patchesOf(part: string): SheetPatches {
    const key = part.toLowerCase();
    let p = this.patches.get(key);
    if (!p) this.patches.set(key, (p = new Map()));
    return p;
  }

  private setPatch(rows: SheetPatches, row: number, col: number, patch: CellPatch): void {
    let cells = rows.get(row);
    if (!cells) rows.set(row, (cells = new Map()));
    // Patches are never changed once set, so a colour's one patch object is shared by all the cells it colours.
    const earlier = cells.get(col);
    cells.set(col, earlier ? { ...earlier, ...patch } : patch);
  }

  private colour(sheetName: string, ranges: CellRange[], fill: string, font: string): void {
    const s = this.sheet(sheetName);
    const m = this.model(s);
    const p = this.styles.elementPrefix;
    const fillId = this.styles.addFill(`<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${hexArgb(fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
    const derived = new Map<number, CellPatch>();
    const patches = this.patchesOf(s.part as string);
    for (const r of ranges) {
      forEachCellOf(r, (row, col) => {
        const old = this.xfAtFast(patches, m, row, col);
        let next = derived.get(old);
        if (next === undefined) {
          const xf = this.styles.xf(old);
          const baseFont = (xf && this.styles.fontXml(xf.fontId)) ?? this.styles.fontXml(0) ?? `<${p}font/>`;
          const fontId = this.styles.addFont(withFontColour(baseFont, { argb: hexArgb(font) }));
          next = { s: this.styles.deriveXf(old, { fontId, fillId }) };
          derived.set(old, next);
        }
        this.setPatch(patches, row, col, next);
      });
    }
  }

  /**
   * Puts back the fill and font colour a token recorded (either host's token: both are in ExcelJS's model),
   * keeping the rest of the cell's current format; a token from Excel falls back to the colours saved beside it.
   */
  private restore(sheetName: string, saved: CellStyle[]): void {
    const s = this.sheet(sheetName);
    const m = this.model(s);
    const p = this.styles.elementPrefix;
    const prefixed = (xml: string): string => (p ? xml.replace(/<(\/?)(\w)/g, `<$1${p}$2`) : xml);
    type Snapshot = NonNullable<ReturnType<typeof parseColourToken>>;
    type Restoring = { snapshot: Snapshot; derived: Map<number, CellPatch> };
    // One colour snapshot per recorded style, and per snapshot the format derived from each current format: a
    // clear restores hundreds of thousands of cells that share a handful of styles, mostly in runs of equal ones.
    const bySaved = new Map<string, Restoring>();
    let last: { token: string; fill: string | null; font: string | null; entry: Restoring } | null = null;
    const patches = this.patchesOf(s.part as string);
    for (const style of saved) {
      let entry: Restoring | undefined = last && last.token === style.token && last.fill === style.fill && last.font === style.font ? last.entry : undefined;
      if (!entry) {
        const key = `${style.token}|${style.fill}|${style.font}`;
        entry = bySaved.get(key);
        if (!entry) {
          const snapshot = parseColourToken(style.token) ?? {
            fill: style.fill ? ({ type: 'pattern', pattern: 'solid', fgColor: { argb: hexArgb(style.fill) } } as never) : null,
            fontColor: style.font ? { argb: hexArgb(style.font) } : null,
            hasFont: true,
          };
          bySaved.set(key, (entry = { snapshot, derived: new Map() }));
        }
        last = { token: style.token, fill: style.fill, font: style.font, entry };
      }
      const { snapshot, derived } = entry;
      const old = this.xfAtFast(patches, m, style.row, style.col);
      let next = derived.get(old);
      if (next === undefined) {
        const xf = this.styles.xf(old);
        const fillId = snapshot.fill ? this.styles.addFill(prefixed(fillXmlOf(snapshot.fill))) : 0;
        const baseFont = (xf && this.styles.fontXml(xf.fontId)) ?? this.styles.fontXml(0) ?? `<${p}font/>`;
        const fontId = snapshot.hasFont || snapshot.fontColor ? this.styles.addFont(withFontColour(baseFont, snapshot.fontColor as never)) : 0;
        next = { s: this.styles.deriveXf(old, { fontId, fillId }) };
        derived.set(old, next);
      }
      this.setPatch(patches, style.row, style.col, next);
    }
  }

  private newPart(): string {
    const taken = new Set([...this.pkg.entries.map((e) => e.name.toLowerCase()), ...this.live.map((s) => (s.part ?? '').toLowerCase())]);
    for (let n = 1; ; n++) {
      const part = `xl/worksheets/sheet${n}.xml`;
      if (!taken.has(part)) return part;
    }
  }

  /** A product sheet's part and its place in the workbook: replacing `old` (same slot) or appended. */
  private place(name: string, state: Visibility, xml: string, printTitles: string | null, old: LiveSheet | null): void {
    this.structureChanged = true;
    if (old) {
      const part = this.newPart();
      if (old.part && !old.isNew) this.removedParts.add(old.part.toLowerCase());
      if (old.part) this.forgetPart(old.part);
      Object.assign(old, { name, state, part, printTitles, isNew: true, isWorksheet: true, relId: '' });
      this.written.set(part.toLowerCase(), xml);
      return;
    }
    const part = this.newPart();
    this.live.push({ name, sheetId: '', relId: '', state, part, isWorksheet: true, printTitles, isNew: true, origin: -1 });
    this.written.set(part.toLowerCase(), xml);
  }

  private forgetPart(part: string): void {
    const key = part.toLowerCase();
    this.models.delete(key);
    this.valuesWritten.delete(key);
    this.patches.delete(key);
    this.headerFooters.delete(key);
    this.printedLines.delete(key);
    this.sheetHeads.delete(key);
    this.widths.delete(key);
    this.written.delete(key);
  }

  private defaultFont(): { name: string; size: number } {
    const xml = this.styles.fontXml(0) ?? '';
    const name = /<(?:\w+:)?name val="([^"]*)"/.exec(xml)?.[1];
    const size = /<(?:\w+:)?sz val="([\d.]+)"/.exec(xml)?.[1];
    return { name: name ?? 'Calibri', size: size ? Number(size) : 11 };
  }

  private putSheet(spec: SheetSpec, replaces: string | null): void {
    this.requireStyles();
    const old = replaces ? (this.findSheet(replaces) ?? null) : null;
    const { xml, printTitles } = specSheetXml(spec, this.styles, this.defaultFont());
    this.place(spec.name, spec.hidden ?? 'visible', xml, printTitles, old);
  }

  private requireStyles(): void {
    if (!this.styles.hasXml) throw new UserFacingError('xlsx.no_styles', text('工作簿缺少样式部件（styles.xml），无法写入', 'The workbook has no styles part (styles.xml), so nothing can be written'));
  }

  /** The state lives in column A of a very-hidden sheet, one chunk per row, so no cell exceeds Excel's limit. */
  private writeState(stateText: string, where: StateSheetPlace): void {
    const rows = chunkStateText(stateText).map((chunk) => [{ v: chunk }]);
    const spec: SheetSpec = { name: where.writeName, marker: 'state', rows, merges: [], columnWidths: [], styles: {}, hidden: 'veryHidden' };
    this.requireStyles();
    const { xml } = specSheetXml(spec, this.styles, this.defaultFont());
    this.place(where.writeName, 'veryHidden', xml, null, where.sheet === null ? null : (this.findSheet(where.sheet) ?? null));
  }

  private removeSheet(sheet: LiveSheet): void {
    this.structureChanged = true;
    if (sheet.part) {
      if (!sheet.isNew) this.removedParts.add(sheet.part.toLowerCase());
      this.forgetPart(sheet.part);
    }
    this.live.splice(this.live.indexOf(sheet), 1);
    if (sheet.name === this.activeName) {
      const visible = this.worksheets().filter((s) => s.state === 'visible');
      this.activeName = (visible[0] ?? this.worksheets()[0])?.name ?? '';
    }
  }

  /** Values into the clerk's sheet (collect's status columns): the cell keeps its format unless styleFrom names one. */
  private writeCells(sheetName: string, writes: CellWrite[]): void {
    this.requireStyles();
    const s = this.sheet(sheetName);
    const m = this.model(s);
    const part = s.part as string;
    const dateXf = new Map<number, number>();
    const patches = this.patchesOf(part);
    this.valuesWritten.add(part.toLowerCase());
    for (const w of writes) {
      let xf = this.xfAtFast(patches, m, w.styleFrom?.row ?? w.row, w.styleFrom?.col ?? w.col);
      const isDate = w.value !== null && typeof w.value === 'object';
      if (isDate) {
        const current = this.styles.xf(xf);
        const code = current ? this.styles.numFmts.get(current.numFmtId) : undefined;
        if (!(code !== undefined ? isDateFormatCode(code) : this.styles.isDateXf(xf))) {
          let d = dateXf.get(xf);
          if (d === undefined) {
            const id = this.styles.addNumFmt(DATE_FORMAT);
            const base = this.styles.xf(xf)?.xml ?? `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
            d = this.styles.addXf(base.replace(/\snumFmtId="[^"]*"/, ` numFmtId="${id}" applyNumberFormat="1"`).replace(/\sapplyNumberFormat="[^"]*"(.*applyNumberFormat)/, '$1'));
            dateXf.set(xf, d);
          }
          xf = d;
        }
      }
      this.setPatch(patches, w.row, w.col, { s: xf, value: w.value as SpecValue });
      this.setModelValue(m, w.row, w.col, w.value, xf);
    }
  }

  private setModelValue(m: SheetModel, row: number, col: number, value: CellWrite['value'], xf: number): void {
    this.grids.delete(m);
    let r = m.rows.get(row);
    if (!r) m.rows.set(row, (r = { cols: [], values: [], styles: [], hidden: false, style: null }));
    const v: CellValue = value !== null && typeof value === 'object' ? { kind: 'date', iso: value.date, serial: isoToSerial(value.date) } : value;
    const i = r.cols.indexOf(col);
    if (i >= 0) {
      r.values[i] = v;
      r.styles[i] = xf;
      return;
    }
    let at = r.cols.findIndex((c) => c > col);
    if (at < 0) at = r.cols.length;
    r.cols.splice(at, 0, col);
    r.values.splice(at, 0, v);
    r.styles.splice(at, 0, xf);
  }

  // ---------------------------------------------------------------------------------------------------
  // Writing

  /** The package with the changes: parts nobody changed are the input's entries as stored. */
  toBytes(now: Date = new Date()): Uint8Array {
    // A sheet's model (some 60 MB at 100 000 rows) is not needed to write the package, which is the peak of a
    // command's memory: models the product wrote no values into are dropped, and read again if asked for later.
    for (const key of [...this.models.keys()]) if (!this.valuesWritten.has(key)) this.models.delete(key);
    const patchedText = new Map<string, string | Uint8Array>();
    const written = new Map(this.written);
    for (const sheet of this.live) {
      const key = (sheet.part ?? '').toLowerCase();
      const rows = this.patches.get(key);
      const lines = this.headerFooters.get(key);
      const widths = this.widths.get(key);
      if (!rows?.size && !lines && !widths) continue;
      const own = written.get(key);
      const entry = own === undefined ? this.pkg.entry(sheet.part as string) : undefined;
      if (entry) {
        // The clerk's sheet is patched as bytes: its unchanged runs are copied, never decoded and encoded again.
        let bytes = inflateEntry(entry);
        if (rows?.size) bytes = patchSheetBytes(bytes, rows, lines ? headerFooterTail(lines.header, lines.footer) : undefined);
        else if (lines) bytes = writeHeaderFooterBytes(bytes, lines.header, lines.footer);
        if (widths) bytes = patchColumnWidthsBytes(bytes, widths);
        patchedText.set(key, bytes);
        continue;
      }
      let xml = own ?? this.pkg.text(sheet.part as string) ?? '';
      if (rows?.size) xml = patchSheetXml(xml, rows);
      if (lines) xml = writeHeaderFooter(xml, lines.header, lines.footer);
      if (widths) xml = patchColumnWidths(xml, widths);
      (own !== undefined ? written : patchedText).set(key, xml);
    }
    const stylesPart = this.pkg.workbookPartOfType(REL_STYLES);
    if (stylesPart && this.styles.changed) patchedText.set(stylesPart.toLowerCase(), this.styles.serialise());
    const entries = rewritePackage({
      pkg: this.pkg,
      live: this.live,
      activeName: this.activeName,
      written,
      patchedText,
      removedParts: this.removedParts,
      structureChanged: this.structureChanged,
      stamp: dosStamp(now),
    });
    try {
      return writeZip(entries);
    } catch (e) {
      if (e instanceof ZipFormatError) throw new UserFacingError('xlsx.too_large', text(`工作簿太大，无法写入（${e.message}）`, `The workbook is too large to write (${e.message})`));
      throw e;
    }
  }
}

