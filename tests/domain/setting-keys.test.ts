/** The settings by name: what each key takes, and that setting one part never loses another. */
import { applySettingAssignments, parseSettingAssignment, settingKey } from '../../src/domain/setting-keys';

describe('setting keys', () => {
  test('a key by its name (any case) or its Chinese label', () => {
    expect(settingKey('SOONDAYS').key).toBe('soonDays');
    expect(settingKey('临期天数').key).toBe('soonDays');
    expect(() => settingKey('临期')).toThrow(/没有名为“临期”的设置项/);
    expect(() => parseSettingAssignment('soonDays')).toThrow(/设置项=值/);
  });

  test('values are checked: dates typed the Chinese way, whole numbers within limits, sheet names Excel allows', () => {
    expect(applySettingAssignments({}, ['asOf=2022年9月1日', 'planYear=2023', 'remindReplyDays=5'], {})).toEqual({ asOf: '2022-09-01', planYear: 2023, remindReplyDays: 5 });
    for (const bad of ['asOf=明天', 'planYear=23', 'soonDays=1.5', 'soonDays=-1', 'remindReplyDays=0', 'summarySheetName=a/b', `reportClosing=${'长'.repeat(201)}`]) {
      expect(() => applySettingAssignments({}, [bad], {})).toThrow();
    }
  });

  test('a colour part set or removed keeps the other part; removing the last override removes the colours', () => {
    const fill = applySettingAssignments({}, ['fill.overdue=#00ff00'], {});
    expect(fill.colours).toEqual({ overdue: { fill: '#00FF00', font: '#9C0006' } });
    const both = applySettingAssignments(fill, ['font.overdue=#111111'], {});
    expect(both.colours).toEqual({ overdue: { fill: '#00FF00', font: '#111111' } });
    expect(applySettingAssignments(both, ['fill.overdue='], {}).colours).toEqual({ overdue: { fill: '#FFC7CE', font: '#111111' } });
    expect(applySettingAssignments(fill, ['fill.overdue='], {})).toEqual({});
  });

  test('column settings go to their sheet, under a key without a prototype; the measure column cannot be none', () => {
    const set = applySettingAssignments({}, ['column.status=H'], { sheet: '__proto__' });
    expect(Object.getPrototypeOf(set.columns)).toBeNull();
    expect(set.columns?.['__proto__']).toEqual({ status: 7 });
    expect(() => applySettingAssignments({}, ['column.measure=none'], { sheet: 'S' })).toThrow(/column\.measure/);
    expect(applySettingAssignments(set, ['column.status='], { sheet: '__proto__' })).toEqual({});
  });
});
