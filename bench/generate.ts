/**
 * Allocation workbooks of any size for the benchmark, built by the same writer as the bundled samples
 * (scripts/make-samples.ts), so they look like what a clerk receives: a merged title, 工作任务 over two
 * columns with sections and subsections merged down over their measures, and a 完成情况 column.
 * The text is the seed's, cycled; deadlines cover every kind the parser knows (dates written every way,
 * Excel date cells, periodic, timely, ongoing, invalid, outside the plan year); units include groups and,
 * now and then, a misspelt unit, so the check has real findings to make. Deterministic for a given size.
 */
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { buildAllocationWorkbook, loadReturns, loadSeed, type SeedDocument, type SeedMeasure, type SeedReturns } from '../scripts/make-samples';

/** Bump when the generated content changes, so cached files under bench/tmp are rebuilt. */
export const GENERATOR_VERSION = 1;

const DEADLINES = [
  '长期开展', '7月31日前', '12月31日前', '及时公开', '2022年6月底前', '年底前', '9月30日前', '2022年9月30日',
  '2022-09-30', '2022/9/30', '2022.9.30', '每月28日前', '每季度末', '每季度最后一个月的30日前', '20个工作日内',
  '上半年', '第三季度', '长期执行', '持续推进', '常态化公开', '8月31日前', '2月30日前', '2023年1月15日前', '尽快',
  '2022年10月底前', '视情况定',
];
/** Every DATE_CELL_EVERY-th measure has a real Excel date in its deadline cell instead of text. */
const DATE_CELL_EVERY = 9;
const STATUSES = [
  '已完成', '序时推进', '正在推进', '', '已于7月20日完成', '持续推进', '进度滞后', '已办结', '未启动',
  '已完成，并于8月5日在门户网站公开', '正在推进，已完成60%', '基本完成',
];
/** One measure in MISSPELT_EVERY names a unit the directory does not know (a typo, as clerks make). */
const MISSPELT_EVERY = 97;
const MAX_SECTIONS = 90;
const MEASURES_PER_SUBSECTION = 60;

function chineseOrdinal(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n];
  return `${n >= 20 ? digits[Math.floor(n / 10)] : ''}十${digits[n % 10]}`;
}

/** Splits `total` into `parts` near-equal positive counts. */
function shares(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor((total * (i + 1)) / parts) - Math.floor((total * i) / parts));
}

/**
 * The seed document itself for 54 measures; otherwise a document of `measures` measures in sections of
 * subsections, numbered 1… afresh in every section (a numbering scheme the check accepts, and the only one
 * that stays within the four digits real documents use).
 */
export function benchDocument(measures: number): { seed: SeedDocument; returns: SeedReturns; dateRows: Set<number> } {
  const base = loadSeed();
  const pool: SeedMeasure[] = base.sections.flatMap((s) => s.subsections.flatMap((ss) => ss.measures));
  const statuses: Record<string, string> = {};
  const dateRows = new Set<number>();
  if (measures === pool.length) {
    return { seed: base, returns: loadReturns(), dateRows };
  }
  const sectionCount = Math.min(MAX_SECTIONS, Math.max(3, Math.ceil(measures / 1200)));
  let serial = 0;
  const sections: SeedDocument['sections'] = shares(measures, sectionCount).map((inSection, s) => {
    const subsectionCount = Math.max(1, Math.min(30, Math.round(inSection / MEASURES_PER_SUBSECTION)));
    let no = 0;
    const template = base.sections[s % base.sections.length];
    return {
      title: `${chineseOrdinal(s + 1)}、${template.title.replace(/^[一二三四五六七八九十]+、/, '')}`,
      subsections: shares(inSection, subsectionCount).map((count, ss) => {
        const subTemplate = template.subsections[ss % template.subsections.length];
        return {
          title: `（${chineseOrdinal(ss + 1)}）${subTemplate.title.replace(/^（[一二三四五六七八九十]+）/, '')}`,
          measures: Array.from({ length: count }, () => {
            const model = pool[serial % pool.length];
            const key = serial;
            serial++;
            no++;
            // Status keys are the measure numbers; numbers restart per section, so key by a running serial
            // and map back in buildBenchWorkbook.
            statuses[String(key)] = STATUSES[key % STATUSES.length];
            if (key % DATE_CELL_EVERY === 4) dateRows.add(key);
            const lead = key % MISSPELT_EVERY === 11 ? `${model.lead}、经济运营局` : model.lead;
            return { no, text: model.text, deadline: DEADLINES[key % DEADLINES.length], lead, responsible: model.responsible };
          }),
        };
      }),
    };
  });
  return {
    seed: { ...base, sections },
    returns: { statusHeader: '完成情况', asOf: '2022-09-15', statuses },
    dateRows,
  };
}

/** The workbook of `measures` measures, in memory. */
export function buildBenchWorkbook(measures: number): ExcelJS.Workbook {
  const { seed, returns, dateRows } = benchDocument(measures);
  const generated = measures !== 54;
  // make-samples looks statuses up by measure number; the bench's numbers restart per section, so it gets
  // a lookup by running position instead.
  const byPosition: string[] = [];
  if (generated) {
    const total = seed.sections.reduce((n, s) => n + s.subsections.reduce((m, ss) => m + ss.measures.length, 0), 0);
    for (let i = 0; i < total; i++) byPosition.push(returns.statuses[String(i)]);
  }
  const wb = buildAllocationWorkbook(seed, generated ? { ...returns, statuses: {} } : returns);
  const ws = wb.worksheets[0];
  if (generated) {
    const FIRST_ROW = 3;
    for (let i = 0; i < byPosition.length; i++) {
      const row = ws.getRow(FIRST_ROW + i);
      if (byPosition[i]) row.getCell(7).value = byPosition[i];
      if (dateRows.has(i)) row.getCell(4).value = new Date(Date.UTC(2022, i % 12, 1 + (i % 28)));
    }
  }
  return wb;
}

/** Writes the workbook of `measures` measures to `file` (not byte-stable: the bench only reads it). */
export async function writeBenchWorkbook(measures: number, file: string): Promise<void> {
  const wb = buildBenchWorkbook(measures);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  await wb.xlsx.writeFile(partial);
  fs.renameSync(partial, file);
}

/** bench/tmp/allocation-<n>.xlsx, generated once per generator version and reused by later runs. */
export async function benchWorkbook(measures: number, dir: string): Promise<string> {
  const file = path.join(dir, `allocation-${measures}-v${GENERATOR_VERSION}.xlsx`);
  if (!fs.existsSync(file)) await writeBenchWorkbook(measures, file);
  return file;
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const dir = path.join(__dirname, 'tmp');
  (async () => {
    for (const n of sizes.length ? sizes : [54, 1000]) {
      const started = performance.now();
      const file = await benchWorkbook(n, dir);
      console.log(`${file}  ${(fs.statSync(file).size / 1e6).toFixed(1)} MB  ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  })().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
