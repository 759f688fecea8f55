/** Wraps a WorkbookHost so the preview learns when the pane changed the workbook or selected a cell. */
import type { WorkbookHost } from '../ports/workbook-host';

export interface HostEvents {
  changed(): void;
  selected(sheet: string, address: string): void;
}

export function observeHost(host: WorkbookHost, events: HostEvents): WorkbookHost {
  return {
    get capabilities() {
      return host.capabilities;
    },
    read: (request) => host.read(request),
    readStyles: (sheet, ranges) => host.readStyles(sheet, ranges),
    apply: async (changes) => {
      try {
        await host.apply(changes);
      } finally {
        // Also after a failure: Excel has no rollback, so whatever was applied must be drawn.
        events.changed();
      }
    },
    ...(host.watchActiveSheet ? { watchActiveSheet: (listener: (sheet: string) => void) => host.watchActiveSheet!(listener) } : {}),
    select: async (sheet, address) => {
      await host.select(sheet, address);
      events.selected(sheet, address);
    },
  };
}
