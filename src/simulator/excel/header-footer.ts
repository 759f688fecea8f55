import { headerFooterCode, parseHeaderFooterCode, type HeaderFooterSpec } from '../../domain/sheet-spec';
import { jsonBytes } from '../../hosts/excel/payload';
import type { Batch } from './batch';
import { ClientObject } from './client-object';
import type { SheetTarget } from './targets';

type HeaderFooterSection = 'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter';
const HEADER_FOOTER_SECTIONS: Record<HeaderFooterSection, ['oddHeader' | 'oddFooter', keyof HeaderFooterSpec]> = {
  leftHeader: ['oddHeader', 'left'],
  centerHeader: ['oddHeader', 'center'],
  rightHeader: ['oddHeader', 'right'],
  leftFooter: ['oddFooter', 'left'],
  centerFooter: ['oddFooter', 'center'],
  rightFooter: ['oddFooter', 'right'],
};

/**
 * PageLayout.headersFooters.defaultForAllPages (Excel.HeaderFooter, ExcelApi 1.9): the six sections as strings in
 * Excel's &-codes, loadable and settable. The file keeps them as one line each (&L…&C…&R…), so setting one
 * section keeps the other two.
 */
export class HeaderFooterProxy extends ClientObject {
  protected readonly scalarProperties = Object.keys(HEADER_FOOTER_SECTIONS) as HeaderFooterSection[];

  constructor(
    ctx: Batch,
    private readonly sheet: SheetTarget,
  ) {
    super(ctx);
  }

  protected snapshot(names: string[]): Record<string, unknown> | null {
    const ws = this.sheet.resolve();
    if (!ws) return null;
    return Object.fromEntries(
      names.map((n) => {
        const [line, section] = HEADER_FOOTER_SECTIONS[n as HeaderFooterSection];
        return [n, parseHeaderFooterCode(ws.headerFooter?.[line] ?? '')[section]];
      }),
    );
  }

  private set(name: HeaderFooterSection, text: string): void {
    const [line, section] = HEADER_FOOTER_SECTIONS[name];
    this.sheet.write(jsonBytes(text), (ws) => {
      const joined = headerFooterCode({ ...parseHeaderFooterCode(ws.headerFooter?.[line] ?? ''), [section]: text });
      ws.headerFooter = { ...ws.headerFooter, [line]: joined || undefined };
    });
  }

  get leftHeader(): string { return this.loadedValue('leftHeader'); }
  set leftHeader(v: string) { this.set('leftHeader', v); }
  get centerHeader(): string { return this.loadedValue('centerHeader'); }
  set centerHeader(v: string) { this.set('centerHeader', v); }
  get rightHeader(): string { return this.loadedValue('rightHeader'); }
  set rightHeader(v: string) { this.set('rightHeader', v); }
  get leftFooter(): string { return this.loadedValue('leftFooter'); }
  set leftFooter(v: string) { this.set('leftFooter', v); }
  get centerFooter(): string { return this.loadedValue('centerFooter'); }
  set centerFooter(v: string) { this.set('centerFooter', v); }
  get rightFooter(): string { return this.loadedValue('rightFooter'); }
  set rightFooter(v: string) { this.set('rightFooter', v); }
}
