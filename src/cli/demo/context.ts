/**
 * What every step of `allocation demo` is given: the bundled samples, the sample's unit directory, and where
 * output goes. The steps import this and the command imports the steps, so nothing here imports a step.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Lang, LocalText } from '../../domain/types';
import type { UnitDirectory } from '../../domain/units';
import type { XlsxHost } from '../../hosts/xlsx';
import type { CliContext } from '../command';

const PACKAGE_NAME = 'task-allocation-assistant';

/** The package root: the nearest directory above this file whose package.json is ours (works from src/ and build/). */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if ((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
      } catch {
        // not ours (or unreadable): keep looking upwards
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package root (${PACKAGE_NAME}) not found above ${from}`);
    dir = parent;
  }
}

export interface DemoContext {
  cli: CliContext;
  lang: Lang;
  /** The package root; samples are under `samples/`, output goes under `out/`. */
  root: string;
  /** A path relative to the package root, as shown to the user. */
  show(absolute: string): string;
  /** The sample's own unit directory (samples/liangjiang-2022-units.json), as a clerk would give it with --units. */
  directory: UnitDirectory;
  /** Opens a bundled sample. */
  openSample(which: keyof typeof SAMPLES): Promise<XlsxHost>;
  /** Saves a step's result under the package root (its folder created when missing); returns the line saying where. */
  save(host: XlsxHost, relative: string): Promise<string>;
}

export interface DemoStep {
  title: LocalText;
  run(demo: DemoContext): Promise<void>;
}

/** The bundled samples: the official 2022 table, and the same table with the departments' answers. */
export const SAMPLES = { allocation: 'samples/liangjiang-2022.xlsx', returns: 'samples/liangjiang-2022-returns.xlsx' };
/** The sample's unit directory: the product has none built in, so the demo gives it as a clerk would. */
export const SAMPLE_UNITS = 'samples/liangjiang-2022-units.json';

