/**
 * The CLI's shell around PackageHost: the file's bytes in, the patched package out, written atomically.
 */
import { readInputFile, writeFileAtomically, type FileKeep } from '../hosts/node-file';
import { PackageHost } from '../hosts/xlsx-package/package-host';
import type { CellRange, CellStyle } from '../domain/types';
import type { HostCapabilities, ReadRequest, WorkbookChange, WorkbookHost, WorkbookSnapshot } from '../ports/workbook-host';

export class PackageFile implements WorkbookHost {
  private constructor(readonly host: PackageHost) {}

  static async open(file: string): Promise<PackageFile> {
    return new PackageFile(PackageHost.open(await readInputFile(file), file));
  }

  get capabilities(): HostCapabilities {
    return this.host.capabilities;
  }

  read(request?: ReadRequest): Promise<WorkbookSnapshot> {
    return this.host.read(request);
  }

  readStyles(sheet: string, ranges: CellRange[]): Promise<CellStyle[]> {
    return this.host.readStyles(sheet, ranges);
  }

  apply(changes: WorkbookChange[]): Promise<void> {
    return this.host.apply(changes);
  }

  select(sheet: string, address: string): Promise<void> {
    void sheet;
    void address;
    return this.host.select();
  }

  async save(target: string, keep?: FileKeep): Promise<void> {
    await writeFileAtomically(target, this.host.toBytes(), keep);
  }
}
