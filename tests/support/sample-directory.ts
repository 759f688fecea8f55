/**
 * The bundled sample's unit directory (samples/liangjiang-2022-units.json): the 19 units and the groups of the
 * 2022 两江新区 table. The product has no built-in directory, so tests about the sample pass this one explicitly.
 */
import * as fs from 'fs';
import * as path from 'path';
import { directoryFromJson, UnitDirectory, type UnitDirectoryData } from '../../src/domain/units';

export const SAMPLE_DIRECTORY_FILE = path.resolve(__dirname, '../../samples/liangjiang-2022-units.json');

export const SAMPLE_DIRECTORY_DATA: UnitDirectoryData = directoryFromJson(fs.readFileSync(SAMPLE_DIRECTORY_FILE, 'utf8'));

/** A fresh lookup over the sample directory (each has its own memo). */
export function sampleDirectory(): UnitDirectory {
  return new UnitDirectory(SAMPLE_DIRECTORY_DATA);
}
