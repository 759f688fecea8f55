/**
 * The API level ExcelHost works at, on hosts that answer `isSetSupported` as office.js's two host files do
 * (node_modules/@microsoft/office-js/dist): excel-win32-16.01.js parses "1.10" into major 1, minor 10;
 * excel-win32-16.00.js (Office 2016 MSI) evaluates `setMaxVersion >= minVersion` with the level a number, so
 * "1.10" passes on a 1.1 host and "1.20" means 1.2. The simulator's requirementCheck reproduces each.
 */
import ExcelJS from 'exceljs';
import { ExcelHost } from '../../../src/hosts/excel';
import { probeExcelApiMinor } from '../../../src/hosts/excel/api-level';
import { ExcelSimulator } from '../../../src/simulator';

function hostAt(apiVersion: string, requirementCheck: '16.00' | '16.01') {
  const sim = new ExcelSimulator(new ExcelJS.Workbook(), { apiVersion, requirementCheck });
  return { sim, host: new ExcelHost(sim.run, sim.requirements) };
}

describe('the simulated requirement checks answer as the host files do', () => {
  test('16.00 compares numbers: "1.10" passes on 1.1, "1.20" means 1.2', () => {
    const { sim } = hostAt('1.1', '16.00');
    expect(sim.requirements.isSetSupported('ExcelApi', '1.1')).toBe(true);
    expect(sim.requirements.isSetSupported('ExcelApi', '1.10')).toBe(true);
    expect(sim.requirements.isSetSupported('ExcelApi', '1.2')).toBe(false);
    expect(hostAt('1.9', '16.00').sim.requirements.isSetSupported('ExcelApi', '1.20')).toBe(true);
    expect(hostAt('1.14', '16.00').sim.requirements.isSetSupported('ExcelApi', '1.2')).toBe(false);
  });

  test('16.01 compares major and minor as integers', () => {
    const { sim } = hostAt('1.9', '16.01');
    expect(sim.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(sim.requirements.isSetSupported('ExcelApi', '1.10')).toBe(false);
    expect(sim.requirements.isSetSupported('excelapi', '1.1')).toBe(true);
    expect(sim.requirements.isSetSupported('ExcelApi', '1.1000')).toBe(false);
    expect(hostAt('1.14', '16.01').sim.requirements.isSetSupported('ExcelApi', '1.2')).toBe(true);
  });
});

describe.each(['16.00', '16.01'] as const)('under the %s check ExcelHost reports', (check) => {
  // Under 16.00 a 1.20 host answers every question exactly as a 1.2 host does, so 1.2 is the most it can know.
  const expected: Record<string, string> = { '1.1': '1.1', '1.7': '1.7', '1.9': '1.9', '1.14': '1.14', '1.20': check === '16.00' ? '1.2' : '1.20' };
  test.each(Object.keys(expected))('the level of a %s host', (level) => {
    const { host } = hostAt(level, check);
    expect(host.capabilities.apiVersion).toBe(expected[level]);
  });
});

test('the probe never asks below what it already knows and stops at the first no', () => {
  const asked: string[] = [];
  const minor = probeExcelApiMinor({
    isSetSupported: (_name, version) => {
      asked.push(version!);
      return version !== '1.1000' && Number(version!.split('.')[1]) <= 3;
    },
  });
  expect(minor).toBe(3);
  expect(asked).toEqual(['1.1000', '1.1', '1.2', '1.3', '1.4']);
});
