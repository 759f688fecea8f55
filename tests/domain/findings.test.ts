/** The finding catalogue: every code has a name and a message in both languages, and the list keeps its rules. */
import { allFindingCodes, findingKindName, findingMessage, findingSeverity, FindingList, makeFinding } from '../../src/domain/findings';

describe('the finding catalogue', () => {
  it.each(allFindingCodes())('%s has a zh-CN and an en-US name and a severity', (code) => {
    const name = findingKindName(code);
    expect(name.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(name.en).toMatch(/^[A-Z]/);
    expect(['error', 'warning', 'info']).toContain(findingSeverity(code));
  });

  it('names the kinds a printed report lists in words', () => {
    expect(findingKindName('responsible.missing')).toEqual({ zh: '责任单位未填写', en: 'Responsible unit blank' });
    expect(findingKindName('return.text_cut').zh).toBe('进展说明超长被截断');
  });

  it('says a blank cell may be merged where the host cannot report merged cells', () => {
    expect(findingMessage('deadline.missing', { mergesKnown: true }).zh).toBe('完成时限为空');
    expect(findingMessage('deadline.missing', { mergesKnown: false }).zh).toBe('完成时限为空（当前 Excel 版本无法读取合并单元格：如此格与上方单元格合并，可忽略本条）');
  });

  it('lists eight cells of a name, then how many more', () => {
    const cells = Array.from({ length: 10 }, (_, i) => `F${i + 4}`);
    const message = findingMessage('unit.stray_text', { role: 'lead', name: '2', cells });
    expect(message.zh).toBe('牵头单位中的“2”不像单位名称（F4、F5、F6、F7、F8、F9、F10、F11等 10 处），可能是其他内容误填入了单位栏，请核对');
    expect(message.en).toContain('F4, F5, F6, F7, F8, F9, F10, F11 and 2 more');
  });

  it('keeps a finding once per cell, prefixes the cell, and sorts by row, column and code', () => {
    const list = new FindingList();
    list.add('unit.duplicate', { row: 4, col: 5 }, { role: 'responsible', name: '财政局' });
    list.add('cell.error', { row: 4, col: 2 }, { text: '#REF!' });
    list.add('unit.duplicate', { row: 4, col: 5 }, { role: 'responsible', name: '财政局' });
    list.add('column.deadline_missing', null, {});
    const sorted = list.sorted();
    expect(sorted.map((f) => [f.code, f.cell, f.row, f.severity])).toEqual([
      ['column.deadline_missing', null, null, 'warning'],
      ['cell.error', 'C5', 5, 'error'],
      ['unit.duplicate', 'F5', 5, 'warning'],
    ]);
    expect(sorted[2].message.zh).toBe('F5：责任单位“财政局”在同一单元格中重复出现');
  });

  it('says collect’s findings about one return from the catalogue too, the cell first where there is one', () => {
    const conflict = makeFinding('return.status_conflict', 'G7', 7, { measure: '3', status: '未启动', decider: '财政局', deciderStatus: '已完成', deciderLeads: true });
    expect([conflict.code, conflict.severity, conflict.cell, conflict.row]).toEqual(['return.status_conflict', 'warning', 'G7', 7]);
    expect(conflict.message.zh).toBe('G7：第3项：本单位填报“未启动”，与牵头单位“财政局”填报的“已完成”矛盾（汇总以后者为准，本单位情况记入进展说明）');
    expect(makeFinding('return.duplicate_unit', null, null, { unit: '财政局', earlierFile: '财政局.xlsx' }).message.zh).toBe('“财政局”已交回另一份回收表（财政局.xlsx），同一举措以本文件为准');
    expect(findingMessage('return.unreadable', { reason: 'too_long', rows: 9000, masterRows: 40 }).zh).toBe('回收表行数（9000 行）远多于总表（40 行），不是下发的回收表原样填报，已跳过');
    expect(findingMessage('return.unreadable', { reason: 'no_table' }).en).toBe("The return's tasks cannot be read: no task table found");
  });
});
