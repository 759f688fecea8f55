/**
 * CSV as Excel and WPS save it (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes), for the
 * CLI's `--units FILE.csv`. A file with tabs and no commas on its first line is read as tab-separated.
 */
import { UserFacingError } from '../errors';

export function parseDelimited(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = s.slice(0, s.search(/\r|\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteOpenedOnLine = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      quoteOpenedOnLine = line;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else {
      field += ch;
    }
  }
  if (quoted) {
    throw new UserFacingError('units.bad_csv', {
      zh: `单位名录 CSV 文件第${quoteOpenedOnLine}行的引号没有闭合`,
      en: `The unit directory CSV file has an unclosed quote on line ${quoteOpenedOnLine}`,
    });
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
