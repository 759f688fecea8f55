/**
 * CSV as Excel and WPS save it (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes), for the
 * CLI's `--units FILE.csv`, read by papaparse. A file with tabs and no commas on its first line is read as
 * tab-separated.
 */
import Papa from 'papaparse';
import { UserFacingError } from '../errors';

export function parseDelimited(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = s.slice(0, s.search(/\r|\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const parsed = Papa.parse<string[]>(s, { delimiter, skipEmptyLines: false });
  const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) {
    const line = 1 + (s.slice(0, unclosed.index ?? 0).match(/\r\n|\r|\n/g)?.length ?? 0);
    throw new UserFacingError('units.bad_csv', {
      zh: `单位名录 CSV 文件第${line}行的引号没有闭合`,
      en: `The unit directory CSV file has an unclosed quote on line ${line}`,
    });
  }
  const rows = parsed.data;
  // The line break that ends the last line starts no row of its own.
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === '' && /[\r\n]$/.test(s)) rows.pop();
  return rows;
}
