/** Which ExcelApi requirement set the host really has: newer APIs are used only behind this level. */
import type { HostCapabilities } from '../../ports/workbook-host';

export interface RequirementChecker {
  isSetSupported(name: string, version?: string): boolean;
}

/** The newest ExcelApi 1.x the host uses anything of. */
const NEWEST_MINOR = 20;

/**
 * The highest ExcelApi 1.x the host really has, asked upwards and stopping at the first "no" (sets are
 * cumulative). office.js's excel-win32-16.00.js (Office 2016 MSI) answers `setMaxVersion >= minVersion` with the
 * level a number, so "1.10" reads as 1.1 and "1.20" as 1.2; excel-win32-16.01.js compares major and minor as
 * integers. Such a host says yes to "1.1000" (= 1.1), which no integer comparison can; there the level is known
 * only as a decimal: 1.2–1.9 are what they say (1.20 cannot be told from 1.2, so 1.2 it is), and at 1.1 the
 * hundredths 1.11–1.19 tell 1.11–1.19 from 1.1 (1.10 cannot be told from 1.1).
 */
export function probeExcelApiMinor(requirements: RequirementChecker): number {
  const says = (minor: number) => requirements.isSetSupported('ExcelApi', `1.${minor}`);
  const upwards = (from: number, to: number, known: number) => {
    let level = known;
    for (let m = from; m <= to && says(m); m++) level = m;
    return level;
  };
  if (!requirements.isSetSupported('ExcelApi', '1.1000')) return upwards(1, NEWEST_MINOR, 1);
  const tenths = upwards(2, 9, 1);
  return tenths > 1 ? tenths : upwards(11, Math.min(19, NEWEST_MINOR), 1);
}

/** What the Excel host can do at ExcelApi 1.`minor`. */
export function excelCapabilities(minor: number): HostCapabilities {
  return { host: 'excel', apiVersion: `1.${minor}`, readsMerges: minor >= 13, charts: true, headerFooter: minor >= 9 };
}
