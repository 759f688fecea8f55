/** The simulator keeps the Office.js semantics host code relies on; these pin them down. */
import ExcelJS from 'exceljs';
import { ExcelSimulator, SimulatorError, WEB_PAYLOAD_LIMIT_BYTES, parseRangeAddress } from '../../src/simulator';

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分工');
  ws.getCell('A1').value = '标题';
  ws.getCell('B2').value = 42;
  ws.getCell('C2').value = new Date(Date.UTC(2022, 8, 15));
  ws.getCell('C2').numFmt = 'yyyy-mm-dd';
  ws.getCell('D2').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  ws.mergeCells('A1:D1');
  wb.addWorksheet('Other');
  return wb;
}

async function rejection(p: Promise<unknown>): Promise<SimulatorError> {
  try {
    await p;
  } catch (e) {
    return e as SimulatorError;
  }
  throw new Error('expected a rejection');
}

describe('load / sync', () => {
  it('throws PropertyNotLoaded for a property read before load + sync, and fills it at sync', async () => {
    const sim = new ExcelSimulator(workbook());
    await sim.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('任务分工').getRange('A1:D2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values,address');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.address).toBe('任务分工!A1:D2');
      expect(range.values).toEqual([
        ['标题', '', '', ''],
        ['', 42, 44819, '#DIV/0!'],
      ]);
      expect(() => range.numberFormat).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
    expect(sim.stats.syncs).toBe(1);
  });

  it('applies writes at sync, in order, and a later load in the same batch sees them', async () => {
    const sim = new ExcelSimulator(workbook());
    await sim.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Other').getRange('A1:B1');
      range.values = [['x', 7]];
      expect(sim.workbook.getWorksheet('Other')!.getCell('A1').value).toBeNull();
      range.load('values');
      await ctx.sync();
      expect(range.values).toEqual([['x', 7]]);
    });
  });

  it('rejects the sync with ItemNotFound for a missing sheet, after applying what came before', async () => {
    const sim = new ExcelSimulator(workbook());
    const error = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Other').getRange('A1').values = [['before']];
        ctx.workbook.worksheets.getItem('没有这张表').getRange('A1').load('values');
        await ctx.sync();
      }),
    );
    expect(error.code).toBe('ItemNotFound');
    expect(sim.workbook.getWorksheet('Other')!.getCell('A1').value).toBe('before');
  });

  it('gives null objects for *OrNullObject instead of failing', async () => {
    const sim = new ExcelSimulator(workbook());
    await sim.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('没有这张表');
      const present = ctx.workbook.worksheets.getItemOrNullObject('other');
      const empty = ctx.workbook.worksheets.add('空表').getUsedRangeOrNullObject(true);
      expect(() => missing.isNullObject).toThrow();
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(empty.isNullObject).toBe(true);
    });
  });

  it('reports merged areas, blank merge followers and the used range like Excel', async () => {
    const sim = new ExcelSimulator(workbook());
    await sim.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('任务分工').getUsedRange(true).load('address,values');
      const merged = used.getMergedAreasOrNullObject().load('address');
      await ctx.sync();
      expect(used.address).toBe('任务分工!A1:D2');
      expect(used.values[0]).toEqual(['标题', '', '', '']);
      expect(merged.address).toBe('任务分工!A1:D1');
    });
  });
});

describe('writing values', () => {
  it('turns a string starting with = into a formula, unless the cell is formatted as text', async () => {
    const sim = new ExcelSimulator(workbook());
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Other');
      ws.getRange('A1:C1').values = [['=SUM(1,2)', '+86 123', '001']];
      const text = ws.getRange('A2:C2');
      text.numberFormat = [['@', '@', '@']];
      text.values = [['=SUM(1,2)', '+86 123', '001']];
      await ctx.sync();
    });
    const ws = sim.workbook.getWorksheet('Other')!;
    expect(ws.getCell('A1').formula).toBe('SUM(1,2)');
    expect(ws.getCell('B1').formula).toBe('+86 123');
    expect(ws.getCell('C1').value).toBe(1);
    expect(['A2', 'B2', 'C2'].map((a) => ws.getCell(a).value)).toEqual(['=SUM(1,2)', '+86 123', '001']);
  });

  it('leaves a cell unchanged where the written array holds null, and rejects a wrongly sized array', async () => {
    const sim = new ExcelSimulator(workbook());
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('任务分工').getRange('B2:C2').values = [[null, 'new']] as never;
      await ctx.sync();
    });
    expect(sim.workbook.getWorksheet('任务分工')!.getCell('B2').value).toBe(42);
    const error = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('任务分工').getRange('B2:C2').values = [['only one']];
        await ctx.sync();
      }),
    );
    expect(error.code).toBe('InvalidArgument');
  });
});

describe('formats', () => {
  it('reports no fill as #FFFFFF (pattern None from 1.9) and mixed ranges as null', async () => {
    const sim = new ExcelSimulator(workbook());
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Other');
      ws.getRange('A1').format.fill.color = '#FFC7CE';
      const one = ws.getRange('A1').format.fill.load('color,pattern');
      const none = ws.getRange('B1').format.fill.load('color,pattern');
      const mixed = ws.getRange('A1:B1').format.fill.load('color');
      const props = ws.getRange('A1:B1').getCellProperties({ format: { fill: { color: true, pattern: true }, font: { color: true } } });
      await ctx.sync();
      expect([one.color, one.pattern]).toEqual(['#FFC7CE', 'Solid']);
      expect([none.color, none.pattern]).toEqual(['#FFFFFF', 'None']);
      expect(mixed.color).toBeNull();
      expect(props.value[0].map((p) => p.format)).toEqual([
        { fill: { color: '#FFC7CE', pattern: 'Solid' }, font: { color: '#000000' } },
        { fill: { color: '#FFFFFF', pattern: 'None' }, font: { color: '#000000' } },
      ]);
    });
  });

  it('counts one format operation per range written in a sync, however many properties', async () => {
    const sim = new ExcelSimulator(workbook());
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Other');
      for (const address of ['A1:D1', 'A3:D5']) {
        const f = ws.getRange(address).format;
        f.fill.color = '#C6EFCE';
        f.font.color = '#006100';
      }
      await ctx.sync();
    });
    expect(sim.stats.formatOperations).toBe(2);
    expect(sim.workbook.getWorksheet('Other')!.getCell('C4').fill).toEqual(expect.objectContaining({ pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } }));
  });
});

describe('protection and cell editing', () => {
  it('refuses writes to locked cells of a protected sheet and every batch while a cell is being edited', async () => {
    const sim = new ExcelSimulator(workbook());
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Other');
      ws.getRange('B2').format.protection.locked = false;
      ws.protection.protect();
      await ctx.sync();
    });
    const write = (address: string) =>
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Other').getRange(address).values = [['x']];
        await ctx.sync();
      });
    await write('B2');
    expect(sim.workbook.getWorksheet('Other')!.getCell('B2').value).toBe('x');
    expect(await rejection(write('A1'))).toEqual(expect.objectContaining({ code: 'AccessDenied' }));
    sim.cellEditMode = true;
    expect(await rejection(write('B2'))).toEqual(expect.objectContaining({ code: 'InvalidOperationInCellEditMode' }));
  });
});

describe('requirement sets', () => {
  it('answers isSetSupported for its level and throws ApiNotFound above it', async () => {
    const sim = new ExcelSimulator(workbook(), { apiVersion: '1.1' });
    expect(sim.requirements.isSetSupported('ExcelApi', '1.1')).toBe(true);
    expect(sim.requirements.isSetSupported('ExcelApi', '1.2')).toBe(false);
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Other');
      expect(() => ctx.workbook.worksheets.getItemOrNullObject('x')).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => ws.getUsedRange(true)).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => ws.getRange('A1').getMergedAreasOrNullObject()).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => ws.getRange('A1').getCellProperties({})).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => (ws.visibility = 'VeryHidden')).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => ws.freezePanes).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    });
    const at113 = new ExcelSimulator(workbook(), { apiVersion: '1.13' });
    expect(at113.requirements.isSetSupported('ExcelApi', '1.13')).toBe(true);
    expect(at113.requirements.isSetSupported('ExcelApi', '1.14')).toBe(false);
  });
});

describe('payload', () => {
  it('measures request and response bytes and refuses a response over the limit', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('大表');
    for (let r = 1; r <= 200; r++) ws.getCell(r, 1).value = '政务公开'.repeat(50);
    const sim = new ExcelSimulator(wb, { payloadLimitBytes: 50_000 });
    const error = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('大表').getRange('A1:A200').load('values');
        await ctx.sync();
      }),
    );
    expect(error.code).toBe('ResponsePayloadSizeLimitExceeded');
    // 200 cells of 200 CJK characters, 3 bytes each in UTF-8.
    expect(sim.stats.maxResponseBytes).toBeGreaterThan(200 * 600);
    const small = await sim.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('大表').getRange('A1:A20').load('values');
      await ctx.sync();
      return range.values.length;
    });
    expect(small).toBe(20);
  });
});

describe('sheets and selection', () => {
  it('adds, hides, activates, selects and deletes sheets', async () => {
    const sim = new ExcelSimulator(workbook());
    await sim.run(async (ctx) => {
      const added = ctx.workbook.worksheets.add('汇总');
      added.visibility = 'VeryHidden';
      const other = ctx.workbook.worksheets.getItem('Other');
      other.activate();
      other.getRange('B3').select();
      await ctx.sync();
    });
    expect(sim.workbook.getWorksheet('汇总')!.state).toBe('veryHidden');
    expect(sim.selection).toEqual({ sheet: 'Other', address: 'B3' });
    const duplicate = await rejection(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.add('汇总');
        await ctx.sync();
      }),
    );
    expect(duplicate.code).toBe('ItemAlreadyExists');
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Other').delete();
      const sheets = ctx.workbook.worksheets.load('items/name');
      const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['任务分工', '汇总']);
      expect(active.name).toBe('任务分工');
    });
  });

  it('parses whole-column and whole-row addresses', () => {
    expect(parseRangeAddress("'My Sheet'!$B$2:C3")).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    expect(parseRangeAddress('A:A')).toEqual({ top: 0, left: 0, bottom: 1_048_575, right: 0 });
    expect(parseRangeAddress('3:4')).toEqual({ top: 2, left: 0, bottom: 3, right: 16_383 });
    expect(parseRangeAddress('nonsense')).toBeNull();
  });
});

describe('ranges as the Excel.Range reference documents them', () => {
  const at = async (sim: ExcelSimulator, make: (ws: Excel.Worksheet) => Excel.Range) =>
    sim.run(async (ctx) => {
      const range = make(ctx.workbook.worksheets.getItem('任务分工')).load('address');
      await ctx.sync();
      return range.address;
    });

  it('getCell may leave the range (within the grid); getRow gives only rows the range contains', async () => {
    const sim = new ExcelSimulator(workbook());
    expect(await at(sim, (ws) => ws.getRange('A1:D2').getCell(5, 6))).toBe('任务分工!G6');
    expect(await at(sim, (ws) => ws.getRange('A1:D2').getRow(1))).toBe('任务分工!A2:D2');
    await expect(at(sim, (ws) => ws.getRange('A1:D2').getRow(2))).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('Range.getUsedRange gives the used cells inside a range and throws ItemNotFound when there are none', async () => {
    const sim = new ExcelSimulator(workbook());
    expect(await at(sim, (ws) => ws.getRange('B1:Z100').getUsedRange(true))).toBe('任务分工!B2:D2');
    await expect(at(sim, (ws) => ws.getRange('F5:H9').getUsedRange(true))).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(await at(sim, (ws) => ws.getRange('A1:D2').getIntersection('C2:F9'))).toBe('任务分工!C2:D2');
  });

  it('answers values null for a range over five million cells (Office Scripts platform limits; unbounded-range docs)', async () => {
    const wb = workbook();
    wb.getWorksheet('任务分工')!.getCell('XFD1048576').value = 'x';
    const sim = new ExcelSimulator(wb, { payloadLimitBytes: null });
    const answer = await sim.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('任务分工').getUsedRange().load(['values', 'numberFormat', 'address']);
      await ctx.sync();
      return { values: used.values, numberFormat: used.numberFormat, address: used.address };
    });
    expect(answer).toEqual({ values: null, numberFormat: null, address: '任务分工!A1:XFD1048576' });
  });

  // "Excel on the web has a payload size limit for requests and responses of 5MB" (learn.microsoft.com, "Resource
  // limits and performance optimization for Office Add-ins", Excel add-ins); the codes as office-js names them.
  it('refuses a response over 5 MB on the web with the code office-js gives it', async () => {
    const fs = await import('fs');
    const web = fs.readFileSync(require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js'), 'utf8');
    expect(web).toContain("CoreErrorCodes.responsePayloadSizeLimitExceeded = 'ResponsePayloadSizeLimitExceeded'");
    const wb = workbook();
    const ws = wb.getWorksheet('任务分工')!;
    for (let r = 1; r <= 1500; r++) ws.getCell(r, 6).value = '政'.repeat(1200);
    const sim = new ExcelSimulator(wb);
    await expect(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('任务分工').getRange('F1:F1500').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('refuses a request over 5 MB on the web, and takes 5 MB as 5 000 000 bytes (the stricter reading)', async () => {
    const fs = await import('fs');
    const web = fs.readFileSync(require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js'), 'utf8');
    expect(web).toContain("CoreErrorCodes.requestPayloadSizeLimitExceeded = 'RequestPayloadSizeLimitExceeded'");
    expect(WEB_PAYLOAD_LIMIT_BYTES).toBe(5_000_000);
    const sim = new ExcelSimulator(workbook());
    // 1 700 000 CJK characters: 5.1 MB in UTF-8, under 5 MiB but over 5 000 000 bytes.
    await expect(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('任务分工').getRange('F1:F170').values = Array.from({ length: 170 }, () => ['政'.repeat(10_000)]);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    const desktop = new ExcelSimulator(workbook(), { payloadLimitBytes: null });
    await desktop.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('任务分工').getRange('F1:F170').values = Array.from({ length: 170 }, () => ['政'.repeat(10_000)]);
      await ctx.sync();
    });
    expect(desktop.workbook.getWorksheet('任务分工')!.getCell('F170').value).toHaveLength(10_000);
  });
});
