/** The printed header and footer (Excel.HeaderFooter, ExcelApi 1.9), which 标色 saves before printing its legend. */
import type { PageHeaderFooter } from '../../domain/sheet-spec';
import { jsonBytes } from './payload';
import { ACTION_BYTES } from './limits';
import type { PlannedOp } from './planned-ops';

export const HEADER_FOOTER_SECTIONS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'];

export function headerFooterFrom(page: Excel.HeaderFooter): PageHeaderFooter {
  return {
    header: { left: page.leftHeader ?? '', center: page.centerHeader ?? '', right: page.rightHeader ?? '' },
    footer: { left: page.leftFooter ?? '', center: page.centerFooter ?? '', right: page.rightFooter ?? '' },
  };
}

/** Sets all six sections of the header and footer for all pages ('' clears a section). */
export function headerFooterOp(sheet: string, value: PageHeaderFooter): PlannedOp {
  return {
    bytes: ACTION_BYTES * 6 + jsonBytes(value),
    queue: (_ctx, sheets) => {
      const page = sheets.get(sheet).pageLayout.headersFooters.defaultForAllPages;
      page.leftHeader = value.header.left;
      page.centerHeader = value.header.center;
      page.rightHeader = value.header.right;
      page.leftFooter = value.footer.left;
      page.centerFooter = value.footer.center;
      page.rightFooter = value.footer.right;
    },
  };
}
