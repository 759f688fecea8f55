/** Every catalogue has every key, no empty text, and the same placeholders as zh-CN. */
import { CATALOGUES, format, translator } from '../../src/taskpane/i18n';
import { PREVIEW_CATALOGUES } from '../../src/preview/preview-i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)(?::[^{}]*)?\}/g)].map((m) => m[1]).sort();

describe.each([
  ['pane', CATALOGUES as Record<string, Record<string, string>>],
  ['preview', PREVIEW_CATALOGUES as Record<string, Record<string, string>>],
])('the %s catalogues', (_name, catalogues) => {
  const zh = catalogues['zh-CN'];
  const en = catalogues['en-US'];

  test('have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  test('have no empty strings, and use the same placeholders in both languages', () => {
    for (const key of Object.keys(zh)) {
      expect({ key, zh: zh[key].trim() !== '', en: en[key].trim() !== '' }).toEqual({ key, zh: true, en: true });
      expect({ key, placeholders: placeholders(en[key]) }).toEqual({ key, placeholders: placeholders(zh[key]) });
    }
  });

  test('zh-CN is Chinese (at least its punctuation) and en-US is not the same text', () => {
    for (const key of Object.keys(zh)) {
      expect({ key, cjk: /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(zh[key]) }).toEqual({ key, cjk: true });
      // English text may quote a Chinese term (各部门, 单位名录), but must not be the Chinese text itself.
      expect(en[key]).not.toBe(zh[key]);
    }
  });
});

describe('format and translator', () => {
  test('fills placeholders and leaves unknown ones visible', () => {
    expect(format('共 {n} 项，{missing}', { n: 54 })).toBe('共 54 项，{missing}');
  });

  test('English counts take their noun in the right number: 1 warning, never 1 warnings', () => {
    expect(format('{n:warning/warnings}', { n: 1 })).toBe('1 warning');
    expect(format('{n:warning/warnings}', { n: 0 })).toBe('0 warnings');
    expect(format('{n:cell has its/cells have their} colours', { n: 2 })).toBe('2 cells have their colours');
    const en = translator('en-US');
    expect(en.t('sheet.oneLine', { sheet: 'S', tasks: 1 })).toBe('"S": 1 task');
    expect(en.t('returns.fileItem', { file: 'f.xlsx', count: 1 })).toBe('f.xlsx (1 task)');
    expect(en.t('highlight.cleared', { cells: 1 })).toBe('Colours cleared: 1 cell has its original colours back.');
    // No English count is left without its number: every "{n} nouns" goes through the plural form.
    for (const [key, template] of Object.entries(CATALOGUES['en-US'])) {
      expect({ key, bare: /\{\w+\} (?:tasks|units|files|rows|cells|errors|warnings)\b/.test(template) }).toEqual({ key, bare: false });
    }
  });

  test('picks the language, for catalogue keys and domain texts alike', () => {
    expect(translator('en-US').t('check.group', { severity: 'Errors', count: 2 })).toBe('Errors (2)');
    expect(translator('zh-CN').t('check.group', { severity: '错误', count: 2 })).toBe('错误（2）');
    expect(translator('en-US').local({ zh: '逾期', en: 'Overdue' })).toBe('Overdue');
  });
});
