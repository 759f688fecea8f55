/**
 * The CLI's shell around PackageHost: the file's bytes in, the patched package out, written atomically.
 */
import { readInputFile, writeFileAtomically, type FileKeep } from '../hosts/node-file';
import * as zlib from 'zlib';
import { PackageHost } from '../hosts/xlsx-package/package-host';
import { crc32 as portableCrc32, useZipCodec } from '../hosts/xlsx-package/zip';
import type { CellRange, CellStyle } from '../domain/types';
import type { HostCapabilities, ReadRequest, WorkbookChange, WorkbookHost, WorkbookSnapshot } from '../ports/workbook-host';

const nodeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;

// Node's native zlib for the package's parts (zlib.crc32 exists from Node 20.15; older Nodes use the portable one).
useZipCodec({
  inflateRaw: (data) => zlib.inflateRawSync(data),
  deflateRaw: (data, level) => zlib.deflateRawSync(data, { level }),
  crc32: nodeCrc32 ? (data) => nodeCrc32(data) >>> 0 : portableCrc32,
});

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
