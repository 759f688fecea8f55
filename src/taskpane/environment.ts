/**
 * What the pane needs from the world, injected at start-up: inside Excel `index.tsx` supplies an ExcelHost,
 * the browser preview supplies the simulator-backed host, and component tests supply fakes. The pane itself
 * never touches Office.js or Excel.* — only this port.
 */
import type { Lang } from '../domain/types';
import type { WorkbookHost } from '../ports/workbook-host';
import type { FileDelivery } from './file-delivery';
import type { PaneWorkflows } from './workflows';

export interface PaneEnvironment {
  host: WorkbookHost;
  /** How files the pane makes reach the clerk; the browser's downloads when not given (preview, tests). */
  delivery?: FileDelivery;
  lang: Lang;
  dark: boolean;
  /** Today's date as ISO (the default as-of date); injectable so tests and screenshots are deterministic. */
  today(): string;
  /** The shared workflows, loaded on first use (kept out of the initial bundle). */
  loadWorkflows(): Promise<PaneWorkflows>;
}
