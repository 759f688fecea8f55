/**
 * fast-check generators for what clerks put in 完成时限 and 完成情况 cells: fragments of real wording mixed
 * with the mess that arrives with it (full-width digits, odd spaces, zero-width characters, emoji, control
 * characters, very long cells), and every other kind of cell value a host can hand over.
 */
import * as fc from 'fast-check';
import type { CellValue } from '../../src/domain/types';

/** Property runs: modest in CI, raised by FUZZ_RUNS (`npm run fuzz`). */
export const NUM_RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 500;

const FRAGMENTS = [
  '2022', '2023', '2020', '二〇二二', '年', '月', '日', '号', '前', '之前', '以前', '底', '末', '年底', '年内', '年中',
  '上半年', '下半年', '季度', '第', '三', '十二', '二十', '三十', '一', '4', '6', '7', '9', '12', '13', '30', '31',
  '29', '0', '.', '/', '-', '到', '至', '起', '以后', '次年', '每', '按', '个', '每月', '每季度', '每年', '定期',
  '不定期', '最后一个月的', '长期', '开展', '坚持', '持续推进', '常态化', '及时', '即时', '实时', '公开', '工作日内',
  '20个工作日内', '，', '；', '、', '。', '\n', ' ', '\u3000', '\u00A0', '\u200B', '\uFEFF', '\t', '\r\n', '（', '）',
  '２０２２', '９', '３０', '：', '已', '于', '完成', '已完成', '未完成', '尚未', '未', '办结', '销号', '办理完毕',
  '序时', '推进', '正在', '进行中', '滞后', '欠进度', '慢序时', '缓慢', '未启动', '暂未开启', '未开展', '基本', '部分',
  '60%', '100%', '初稿', '😀', '👨‍👩‍👧', '\u0000', '\u0007', '\u202E', '#N/A', 'abc', '%', '¬', '#',
];

/** Strings made of real deadline and status wording, shuffled: they reach deep into the parsers. */
export const wordingArb: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...FRAGMENTS), { maxLength: 14 })
  .map((parts) => parts.join(''));

/** Any text at all, including astral characters and lone surrogates. */
export const anyTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.fullUnicodeString({ maxLength: 60 }),
  fc.string16bits({ maxLength: 60 }),
);

/** Cells of 10 000 – 30 000 characters (one repeated fragment: cheap to build, long to scan). */
export const hugeTextArb: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(wordingArb, anyTextArb).filter((s) => s.length > 0), fc.integer({ min: 10_000, max: 30_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: wordingArb },
  { weight: 3, arbitrary: anyTextArb },
  { weight: 1, arbitrary: hugeTextArb },
);

/** Every CellValue shape, including malformed date cells and odd numbers. */
export const cellValueArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: textArb },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -100_000, max: 3_000_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 19_000_000, max: 21_001_231 }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('date' as const),
      iso: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.string()),
      serial: fc.double(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('error' as const), code: fc.constantFrom('#N/A', '#REF!', '#VALUE!', '#DIV/0!', '') }) },
);

/** The plan years the engine hands over (from titles: any plausible year; also the edges). */
export const planYearArb: fc.Arbitrary<number> = fc.oneof(fc.integer({ min: 1990, max: 2100 }), fc.constantFrom(1, 9999));

/** ASCII → full-width, the way a Chinese IME types it (space → ideographic space). */
export function toFullWidth(s: string): string {
  return s.replace(/[!-~ ]/g, (ch) => (ch === ' ' ? '\u3000' : String.fromCharCode(ch.charCodeAt(0) + 0xfee0)));
}
