/**
 * The returns domain on hand-built grids: who receives what, the copy's structure, the identity, each
 * validation code, and the merge plan (lead decides, idempotent, never a task column, never blanks a cell).
 */
import { analyseSheet } from '../../../src/domain/check';
import {
  compactDifference,
  fingerprint,
  identityFromGrid,
  identitySheetSpec,
  measureFingerprint,
  planMerge,
  planSplit,
  returnCopy,
  returnsLogSpec,
  copyFileName,
  MAX_FILE_NAME_BYTES,
  safeFileStem,
  splitArchiveName,
  splitSetStem,
  validateReturn,
  type MeasureAnswer,
  type ReturnIdentity,
} from '../../../src/domain/returns';
import type { SheetSpec } from '../../../src/domain/sheet-spec';
import { statusChoicesFor } from '../../../src/domain/status-choices';
import { utf8Length } from '../../../src/domain/text';
import type { CellValue, SheetAnalysis, SheetGrid } from '../../../src/domain/types';
import { UnitDirectory } from '../../../src/domain/units';
import { makeGrid } from '../../support/sheet-grid';

const directory = new UnitDirectory({
  units: [
    { name: '办公室', aliases: [], category: '部门' },
    { name: '司法局', aliases: [], category: '部门' },
    { name: '财政局', aliases: [], category: '部门' },
    { name: '税务局', aliases: [], category: '驻区机构' },
  ],
  groups: [
    { name: '各部门', aliases: [], members: null, memberCategories: ['部门'] },
    { name: '各街道', aliases: [], members: null },
  ],
});

const TITLE = '某区2022年政务公开重点工作任务分工';
const MASTER_ROWS: CellValue[][] = [
  [TITLE],
  ['工作任务', null, '贯彻举措', '完成时限', '牵头单位', '责任单位'],
  ['一、公开', '（一）政策', '1.公开政策文件', '长期开展', '办公室', '各部门'],
  [null, null, '2.做好政策解读', '6月30日前', '司法局', '财政局'],
  [null, '（二）数据', '3.公开财政数据', '9月30日前', '财政局', '税务局、各街道'],
  ['二、平台', '（三）网站', '4.网站改版', '年底前', '办公室', null],
];
const MASTER_GRID = makeGrid(MASTER_ROWS, { sheet: '任务分工', merges: ['A1:F1', 'A2:B2', 'A3:A5', 'B3:B4'] });
const master = analyseSheet(MASTER_GRID, { directory });
const AS_OF = '2022-09-15';

/** A SheetSpec's cells and merges as the grid a host would read back. */
function specGrid(spec: SheetSpec): SheetGrid {
  const rows = spec.rows.map((r) => r.map((c): CellValue => (c.v !== null && typeof c.v === 'object' ? { kind: 'date', iso: c.v.date, serial: 0 } : c.v)));
  return { sheet: spec.name, originRow: 0, originCol: 0, values: makeGrid(rows).values, merges: spec.merges, mergesKnown: true };
}

function copyFor(unit: string): { grid: SheetGrid; identity: ReturnIdentity; spec: SheetSpec } {
  const recipient = planSplit(master, directory, 'both').recipients.find((r) => r.unit === unit)!;
  const copy = returnCopy(MASTER_GRID, master, recipient, { by: 'both', generatedAt: '2022-09-01 09:00' });
  return { grid: specGrid(copy.specs[0]), identity: copy.identity, spec: copy.specs[0] };
}

/** Sets a cell of the copy by the header it sits under and the measure number of its row. */
function setCell(grid: SheetGrid, header: string, no: string, value: CellValue): void {
  const headerRow = grid.values.findIndex((r) => r.includes('完成情况'));
  const col = grid.values[headerRow].indexOf(header);
  const row = grid.values.findIndex((r) => typeof r[2] === 'string' && r[2].startsWith(`${no}.`));
  grid.values[row][col] = value;
}

function validate(grid: SheetGrid, identity: ReturnIdentity | null, masterAnalysis: SheetAnalysis = master) {
  return validateReturn({ identity, returned: { grid, analysis: analyseSheet(grid, { directory, planYear: 2022 }) }, master: masterAnalysis, directory, asOf: AS_OF });
}

const codes = (v: { findings: { code: string }[] }) => v.findings.map((f) => f.code);

describe('planSplit', () => {
  it('expands groups through the directory, keeps a group with unknown members as one recipient, names files safely', () => {
    const plan = planSplit(master, directory, 'both');
    const of = (unit: string) => plan.recipients.find((r) => r.unit === unit)?.taskIndexes;
    expect(plan.recipients.map((r) => r.unit)).toEqual(['办公室', '司法局', '财政局', '税务局', '各街道']);
    expect(of('财政局')).toEqual([0, 1, 2]); // 各部门 on 1, responsible on 2, lead on 3
    expect(of('税务局')).toEqual([2]); // a 驻区机构 is not one of 各部门
    expect(of('各街道')).toEqual([2]);
    expect(plan.recipients[0].fileName).toBe('某区2022年政务公开重点工作任务分工-办公室-回收表.xlsx');
    expect(planSplit(master, directory, 'lead').recipients.map((r) => r.unit)).toEqual(['办公室', '司法局', '财政局']);
  });

  it.each([
    ['办公室/财政局', '办公室_财政局'],
    ['a:b*c?', 'a_b_c_'],
    ['CON', '_CON'],
    ['..', '_'],
    [' 司法局. ', '司法局'],
  ])('safeFileStem(%s) = %s', (name, stem) => {
    expect(safeFileStem(name)).toBe(stem);
  });
});

describe('copy file names', () => {
  it('say what the file is: the title with its year, the unit, 回收表', () => {
    expect(splitSetStem({ title: '政务公开任务分工', sheet: '任务分工', planYear: 2022 })).toBe('2022年政务公开任务分工');
    expect(splitSetStem({ title: null, sheet: '任务分工', planYear: 2023 })).toBe('2023年任务分工');
    expect(copyFileName('2022年政务公开任务分工', '办公室')).toBe('2022年政务公开任务分工-办公室-回收表.xlsx');
    expect(splitArchiveName('2022年政务公开任务分工')).toBe('2022年政务公开任务分工-各单位回收表.zip');
  });

  it('are safe on Windows, within 255 bytes, and unique even when long names cut to the same', () => {
    expect(copyFileName('2022年任务分工', 'a:b*c?/d')).toBe('2022年任务分工-a_b_c__d-回收表.xlsx');
    const longTitle = '某某区'.repeat(40) + '2022年任务分工';
    const name = copyFileName(safeFileStem(longTitle), '办公室');
    expect(utf8Length(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(name.endsWith('-办公室-回收表.xlsx')).toBe(true);
    const grid = makeGrid([[longTitle], ['序号', '具体举措', '牵头单位'], ['1', '公开', '甲'.repeat(90) + '一'], ['2', '解读', '甲'.repeat(90) + '二']], { sheet: '任务分工' });
    const names = planSplit(analyseSheet(grid, {}), new UnitDirectory({ units: [], groups: [] }), 'lead').recipients.map((r) => r.fileName);
    expect(names).toHaveLength(2);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(2);
    for (const n of names) expect(utf8Length(n)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
  });
});

describe('returnCopy', () => {
  it('states the 报送时限, pre-fills the master’s answers and offers the master’s own status words', () => {
    const rows = [...MASTER_ROWS.slice(0, 1), [...MASTER_ROWS[1], '完成情况', '进展说明'], [...MASTER_ROWS[2], '正在办理', '已公开12件'], ...MASTER_ROWS.slice(3)];
    const grid = makeGrid(rows, { sheet: '任务分工', merges: ['A1:H1', 'A2:B2', 'A3:A5', 'B3:B4'] });
    const analysis = analyseSheet(grid, { directory });
    const recipient = planSplit(analysis, directory, 'both').recipients.find((r) => r.unit === '司法局')!;
    const copy = returnCopy(grid, analysis, recipient, { by: 'both', generatedAt: '2022-09-01 09:00', due: '2022-09-15', statusChoices: ['已整改', '已完成'] });
    const sheet = copy.specs[0];
    expect(sheet.rows[2][0].v).toBe('报送时限：请于2022年9月15日前填报完成并报送');
    expect(String(sheet.rows[1][0].v)).toMatch(/^填报单位：司法局\s+共 \d+ 项\s+下发时间：2022年9月1日 09:00$/);
    expect(copy.identity.due).toBe('2022-09-15');
    expect(sheet.rows[4].slice(6).map((c) => c.v)).toEqual(['正在办理', '已公开12件', null]);
    // The clerk's own words (the settings') come before the master's, so its wording never crowds them out.
    expect(sheet.dropdowns![0].options).toEqual(['已完成', '序时推进', '进度滞后', '未启动', '已整改', '正在办理']);
    expect(statusChoicesFor(analysis, ['7月已完成', 'a,b'])).toEqual(['已完成', '序时推进', '进度滞后', '未启动', '正在办理']);
    // Sent back as issued: nothing was filled in, nothing is merged, one finding says so.
    const back = specGrid(sheet);
    const asIssued = validateReturn({ identity: copy.identity, returned: { grid: back, analysis: analyseSheet(back, { directory, planYear: 2022 }) }, master: analysis, directory, asOf: AS_OF });
    expect([asIssued.accepted, asIssued.blank, asIssued.answers, codes(asIssued)]).toEqual([true, true, [], ['return.nothing_filled']]);
    // One answer edited: the file counts, both rows are merged.
    back.values[5][6] = '已完成';
    const edited = validateReturn({ identity: copy.identity, returned: { grid: back, analysis: analyseSheet(back, { directory, planYear: 2022 }) }, master: analysis, directory, asOf: AS_OF });
    expect([edited.blank, edited.answers.map((a) => a.status.text)]).toEqual([false, ['正在办理', '已完成']]);
  });

  it('still accepts a copy made before 填报人 and the pre-filled answers (no such lines, no answer fingerprints)', () => {
    const { grid, identity } = copyFor('司法局');
    const old = { ...grid, values: [grid.values[0], ...grid.values.slice(3)], merges: [] };
    old.values[2][6] = '已完成';
    old.values[3][6] = '已完成';
    const oldIdentity = { ...identity, due: null, measures: identity.measures.map(({ no, hash }) => ({ no, hash })) };
    const v = validate(old, oldIdentity);
    expect([v.accepted, v.blank, v.answers.length]).toEqual([true, false, 2]);
    const blank = validate(copyFor('司法局').grid, oldIdentity);
    expect([blank.blank, codes(blank)]).toEqual([true, ['return.nothing_filled']]);
  });


  it('holds the unit’s measures under their merged headings, with answer columns unlocked and a status dropdown', () => {
    const { spec, grid, identity } = copyFor('司法局');
    const copy = analyseSheet(grid, { directory });
    expect(copy.tasks.map((t) => [t.no, t.section, t.subsection, t.measure])).toEqual([
      ['1', '一、公开', '（一）政策', '公开政策文件'],
      ['2', '一、公开', '（一）政策', '做好政策解读'],
    ]);
    expect(spec.merges).toEqual(expect.arrayContaining([{ top: 4, left: 0, bottom: 5, right: 0 }, { top: 4, left: 1, bottom: 5, right: 1 }]));
    // 填报人 and 联系电话 (rows 2 and 3, beside their labels), then the answers.
    expect(spec.rows[1][6].v).toBe('填报人：');
    expect(spec.rows[2][6].v).toBe('联系电话：');
    expect(spec.protection!.unlocked).toEqual([
      { top: 1, left: 7, bottom: 1, right: 8 },
      { top: 2, left: 7, bottom: 2, right: 8 },
      { top: 4, left: 6, bottom: 5, right: 8 },
    ]);
    expect(spec.dropdowns![0]).toEqual({ range: { top: 4, left: 6, bottom: 5, right: 6 }, options: ['已完成', '序时推进', '进度滞后', '未启动'] });
    expect(String(spec.rows[2][0].v)).toBe('报送时限：按通知要求报送');
    expect(identity.due).toBeNull();
    expect(identity.measures.map((m) => m.no)).toEqual(['1', '2']);
  });
});

describe('identity', () => {
  it('round-trips through its very-hidden sheet; anything else reads as no identity', () => {
    const { identity } = copyFor('办公室');
    const spec = identitySheetSpec(identity);
    expect(spec.hidden).toBe('veryHidden');
    expect(identityFromGrid(specGrid(spec))).toEqual(identity);
    expect(identityFromGrid(makeGrid([['not json']]))).toBeNull();
    expect(identityFromGrid(makeGrid([[JSON.stringify({ ...identity, kind: 'other' })]]))).toBeNull();
    expect(identityFromGrid(makeGrid([[JSON.stringify({ ...identity, measures: [{ no: 1 }] })]]))).toBeNull();
    expect(identityFromGrid(null)).toBeNull();
  });

  it('fingerprints ignore width and spacing but not wording', () => {
    expect(measureFingerprint('公开 政策文件')).toBe(measureFingerprint('公开政策文件'));
    expect(measureFingerprint('公开政策文件')).not.toBe(measureFingerprint('公开政策文书'));
    expect(fingerprint('')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('compactDifference', () => {
  it('shows the changed part with a little context', () => {
    expect(compactDifference('公开政策文件和解读', '公开政策文书和解读').zh).toBe('公开政策文【原：件 → 现：书】和解读');
    expect(compactDifference('做好解读', '做好政策解读').zh).toBe('做好【原：（无） → 现：政策】解读');
    expect(compactDifference('做好政策解读', '做好解读').en).toBe('做好[was: 政策 → now: (nothing)]解读');
  });
});

describe('validateReturn', () => {
  it('accepts an untouched, filled copy without findings and reads its answers', () => {
    const { grid, identity } = copyFor('司法局');
    setCell(grid, '完成情况', '1', '已于7月20日完成');
    setCell(grid, '完成情况', '2', '序时推进');
    setCell(grid, '进展说明', '2', '已完成初稿，9月底前印发');
    const v = validate(grid, identity);
    expect([v.accepted, codes(v)]).toEqual([true, []]);
    expect(v.answers.map((a) => [a.taskIndex, a.status.state, a.doneDate, a.statusCell])).toEqual([
      [0, 'done', '2022-07-20', 'G5'],
      [1, 'in_progress', null, 'G6'],
    ]);
  });

  it('asks for an explanation when behind, not started, or past the deadline as of the date', () => {
    const { grid, identity } = copyFor('司法局');
    setCell(grid, '完成情况', '1', '未启动');
    setCell(grid, '完成情况', '2', '序时推进'); // due 6月30日前, not done on 2022-09-15
    const v = validate(grid, identity);
    expect(v.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(['return.explanation_missing@H5', 'return.explanation_missing@H6']);
    expect(v.answers).toHaveLength(2);
  });

  it('flags a bad or future completion date and keeps it out of the answer', () => {
    const { grid, identity } = copyFor('司法局');
    setCell(grid, '完成情况', '1', '已完成');
    setCell(grid, '完成日期', '1', '很快');
    setCell(grid, '完成情况', '2', '已完成');
    setCell(grid, '完成日期', '2', { kind: 'date', iso: '2022-10-01', serial: 0 });
    const v = validate(grid, identity);
    expect(codes(v)).toEqual(['return.done_date_invalid', 'return.done_date_future']);
    expect(v.answers.map((a) => a.doneDate)).toEqual([null, null]);
  });

  it('warns when the master changed since the split but most measures still match; rejects another master', () => {
    const { grid, identity } = copyFor('司法局');
    setCell(grid, '完成情况', '1', '已完成');
    setCell(grid, '完成情况', '2', '已完成');
    const edited = MASTER_ROWS.map((r) => [...r]);
    edited[5][2] = '4.网站全面改版';
    const changedMaster = analyseSheet(makeGrid(edited, { sheet: '任务分工', merges: ['A1:F1', 'A2:B2', 'A3:A5', 'B3:B4'] }), { directory });
    const v = validate(grid, identity, changedMaster);
    expect([v.accepted, codes(v)]).toEqual([true, ['return.master_changed']]);
    const foreign = validate(grid, { ...identity, masterId: 'x', measures: [{ no: '1', hash: 'y' }] });
    expect([foreign.accepted, codes(foreign)]).toEqual([false, ['return.wrong_master']]);
    expect(codes(validate(grid, null))).toEqual(['return.wrong_master']);
  });

  it('rejects a unit nobody knows; an unreadable table is its own code', () => {
    const { grid, identity } = copyFor('司法局');
    expect(codes(validate(grid, { ...identity, unit: '外星局' }))).toEqual(['return.unit_unknown']);
    const unreadable = validateReturn({ identity, returned: { error: { zh: '没有表头', en: 'no header' } }, master, directory, asOf: AS_OF });
    expect([unreadable.accepted, codes(unreadable)]).toEqual([false, ['return.unreadable']]);
  });
});

describe('planMerge', () => {
  const answer = (taskIndex: number, unit: string, text: string, state: MeasureAnswer['status']['state'], explanation = ''): MeasureAnswer => ({
    taskIndex,
    unit,
    status: { text, state, doneOn: null, recognised: true },
    explanation,
    doneDate: null,
    row: 4,
    statusCell: 'G4',
  });

  it('adds the five report columns after the table, writes only there, and lets the lead decide', () => {
    const plan = planMerge(master, MASTER_GRID, [
      { answers: [answer(0, '财政局', '未启动', 'not_started', '等通知')], receivedAt: '2022-09-10 10:00' },
      { answers: [answer(0, '办公室', '已完成', 'done')], receivedAt: '2022-09-11 10:00' },
    ], directory);
    expect(plan.added).toEqual(['status', 'explanation', 'doneDate', 'unit', 'time']);
    expect(Math.min(...plan.writes.map((w) => w.col))).toBe(6);
    const at = (col: number) => plan.writes.find((w) => w.row === 2 && w.col === col)?.value;
    expect([at(6), at(7), at(9), at(10)]).toEqual(['已完成', '【财政局】未启动：等通知', '办公室、财政局', '2022年9月11日 10:00']);
    expect(plan.conflicts.map((c) => [c.input, c.finding.code])).toEqual([[0, 'return.status_conflict']]);
    expect(plan.updated).toBe(1);
  });

  it('writes nothing when the master already holds the values, and never blanks a cell it has nothing for', () => {
    const grid = makeGrid(
      [...MASTER_ROWS.slice(0, 1), [...MASTER_ROWS[1], '完成情况', '进展说明', '完成日期', '填报单位', '填报时间'], [...MASTER_ROWS[2], '已完成', '旧说明', null, '办公室', '2022-09-10 10:00'], ...MASTER_ROWS.slice(3)],
      { sheet: '任务分工', merges: ['A1:F1', 'A2:B2', 'A3:A5', 'B3:B4'] },
    );
    const analysis = analyseSheet(grid, { directory });
    const plan = planMerge(analysis, grid, [{ answers: [answer(0, '办公室', '已完成', 'done')], receivedAt: '2022-09-10 10:00' }], directory);
    expect([plan.added, plan.writes, plan.updated]).toEqual([[], [], 0]);
  });
});

describe('returnsLogSpec', () => {
  it('lists every return with its verdict and problems, and the missing units', () => {
    const spec = returnsLogSpec({
      masterTitle: TITLE,
      generatedAt: '2022-09-16 08:30',
      asOf: AS_OF,
      expectedUnits: ['办公室', '司法局'],
      missingUnits: ['司法局'],
      updated: 3,
      returns: [{ file: '办公室.xlsx', unit: '办公室', accepted: true, answered: 3, receivedAt: '2022-09-10 10:00', findings: [] }],
    });
    const text = spec.rows.flat().map((c) => c.v).join('|');
    expect(spec.marker).toBe('returns-log');
    expect(text).toContain('应报 2 个单位，已报 1 个，未报 1 个');
    expect(text).toContain('办公室.xlsx|已采用|3|0|0');
    expect(text).toContain('司法局');
    expect(text).toContain('2022年9月10日 10:00');
  });

  it('lists a unit that sent its copy back blank once, in its own state', () => {
    const spec = returnsLogSpec({
      masterTitle: TITLE,
      generatedAt: '2022-09-16 08:30',
      asOf: AS_OF,
      expectedUnits: ['办公室', '司法局', '财政局'],
      missingUnits: ['财政局'],
      blankUnits: ['司法局'],
      updated: 0,
      returns: [{ file: '司法局.xlsx', unit: '司法局', accepted: true, blank: true, answered: 0, receivedAt: null, findings: [] }],
    });
    const text = spec.rows.flat().map((c) => c.v).join('|');
    expect(text).toContain('已报 1 个，交回空表 1 个，未报 1 个');
    expect(text).toContain('司法局.xlsx|空表未采用|0');
    expect(text).not.toContain('已采用');
    expect(text).toContain('交回空表、仍须填报的单位：司法局');
    expect(text.split('司法局').length - 1).toBe(3); // the unit column, the file, the blank line — never among 未报送
  });
});
