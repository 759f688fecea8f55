/** How `allocation settings` shows the saved settings: one a line, the saved value or the default it falls back on. */
import { pick } from '../../domain/i18n';
import { SETTING_KEYS, type SettingScope } from '../../domain/setting-keys';
import { displayWidth } from '../../domain/text-metrics';
import type { Lang } from '../../domain/types';
import type { ProductSettings } from '../../domain/workbook-state';

/** Every setting, one a line: its label and key, then the saved value or, not set, the default it falls back on. */
export function settingsText(settings: ProductSettings, scope: SettingScope, lang: Lang): string {
  const en = lang === 'en-US';
  const perSheet = SETTING_KEYS.filter((k) => k.key.startsWith('column.'));
  const rows = SETTING_KEYS.filter((k) => scope.sheet !== undefined || !perSheet.includes(k)).map((k) => {
    const value = k.show(settings, scope);
    return { name: `${pick(k.label, lang)} (${k.key})`, value: value ?? (en ? `not set (default: ${k.defaultText.en})` : `未设置（默认：${k.defaultText.zh}）`) };
  });
  const width = Math.max(...rows.map((r) => displayWidth(r.name)));
  const lines = [en ? 'Settings saved in the workbook:' : '工作簿中保存的设置：'];
  for (const r of rows) lines.push(`  ${r.name}${' '.repeat(width - displayWidth(r.name) + 2)}${r.value}`);
  if (scope.sheet === undefined) {
    // Column corrections are kept per sheet: name each sheet that has some, and how to see them.
    for (const sheet of Object.keys(settings.columns ?? {})) {
      const set = perSheet.filter((k) => k.show(settings, { sheet }) !== null).map((k) => `${k.key}=${k.show(settings, { sheet })}`);
      if (set.length) lines.push(en ? `  Columns of sheet "${sheet}": ${set.join(', ')}` : `  工作表“${sheet}”的列设置：${set.join('，')}`);
    }
  }
  return lines.join('\n') + '\n';
}
