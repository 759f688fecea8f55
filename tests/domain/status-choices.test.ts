/** The clerk's 完成情况选项: read as typed, checked so a copy never offers a word collect cannot judge. */
import { SETTING_KEYS, settingKey } from '../../src/domain/setting-keys';
import { MAX_OWN_STATUS_CHOICES, readStatusChoices, STANDARD_STATUS_CHOICES, statusChoicesText } from '../../src/domain/status-choices';
import { enUS } from '../../src/taskpane/i18n/en-US';
import { zhCN } from '../../src/taskpane/i18n/zh-CN';

describe('readStatusChoices', () => {
  it.each([
    ['已整改、部分整改', ['已整改', '部分整改']],
    ['已整改，部分整改; 已落实 / 整改中', ['已整改', '部分整改', '已落实', '整改中']],
    // Repeats and the standard four are dropped: they are offered anyway.
    ['已整改、已完成、已整改、未启动', ['已整改']],
    ['  ', []],
  ])('reads %j', (typed, words) => {
    expect(readStatusChoices(typed)).toEqual({ ok: true, words });
  });

  it.each([
    ['已整改、待定', '“待定”看不出是完成'],
    ['9月已完成', '不含数字'],
    ['已按照通知要求全部整改完成到位并销号', '不超过 12 个字'],
    [Array.from({ length: MAX_OWN_STATUS_CHOICES + 1 }, (_, i) => ['已整改', '部分整改', '已落实', '整改中', '正在推进', '暂未开启', '已办结'][i]).join('、'), `最多 ${MAX_OWN_STATUS_CHOICES} 个选项`],
  ])('refuses %j, saying why', (typed, why) => {
    const reading = readStatusChoices(typed);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.problem.zh).toContain(why);
  });

  it('writes the saved list as the clerk reads it', () => {
    expect(statusChoicesText(['已整改', '部分整改'])).toBe('已整改、部分整改');
    expect(statusChoicesText(undefined)).toBe('');
  });
});

describe('the statusChoices setting', () => {
  const key = settingKey('完成情况选项');

  it('is listed, found by name or label, set and removed', () => {
    expect(SETTING_KEYS).toContain(key);
    expect(settingKey('statusChoices')).toBe(key);
    const set = key.set({ soonDays: 5 }, '已整改、部分整改', {});
    expect(set).toEqual({ soonDays: 5, statusChoices: ['已整改', '部分整改'] });
    expect(key.show(set, {})).toBe('已整改、部分整改');
    expect(key.set(set, '', {})).toEqual({ soonDays: 5 });
    expect(key.show({}, {})).toBeNull();
  });

  it('refuses a word collect could not judge, naming it', () => {
    expect(() => key.set({}, '已整改、待定', {})).toThrow(/完成情况选项.*“待定”看不出是完成/);
  });
});

describe('the pane’s hint', () => {
  it('names the standard choices and the limit the reader applies', () => {
    for (const hint of [zhCN['settings.statusChoicesHint'], enUS['settings.statusChoicesHint']]) {
      expect(hint).toContain(STANDARD_STATUS_CHOICES.join('、'));
      expect(hint).toContain(`${MAX_OWN_STATUS_CHOICES}`);
    }
  });
});
