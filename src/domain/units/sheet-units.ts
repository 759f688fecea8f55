/**
 * The units a sheet names, judged without any directory: which names are groups by their form, which look
 * like text that slipped into a unit cell, and which are near-duplicate spellings of one unit. With no
 * directory given, these are the only unit findings the check can honestly make: any body's table names
 * units this product has never seen, and that alone says nothing.
 */
import { boundedEditDistance, KIND_SUFFIX } from './directory';
import { unitMatchKey } from './normalise';

/**
 * A name that stands for several units, recognised by its form: 各部门, 各街道, 各镇（街）, 各县（市、区）人民政府,
 * 各有关单位, 各驻区机构 (各…); 省直各部门, 市直有关部门, 区直（各）有关单位, 区级部门 (a level and 直/级/属);
 * …成员单位; 有关单位 / 相关部门; 县（市、区）…. 市直机关工委 is a unit: 直 alone does not make a group.
 */
const GROUP_FORM = new RegExp(
  [
    '^各',
    '成员单位$',
    '(?:各|有关|相关|所有)(?:部门|单位|机构|机关|街道|乡镇|镇|乡|县|区)',
    '^(?:省|市|州|区|县|旗)(?:直|级|属)(?:（[^）]*）)?(?:各|有关|相关)?(?:部门|单位|机关)(?:单位|部门)?$',
    '^(?:县|市|区)（[^）]*）',
  ].join('|'),
);

export function isGroupByForm(name: string): boolean {
  return GROUP_FORM.test(name);
}

/** Longer than any unit's name, even 中共重庆市委两江新区工作委员会宣传部 (18). */
const MAX_NAME_CHARS = 30;
/** A date, deadline or rhythm word: the deadline column's text, not a unit. */
const DATE_LIKE = /(?:19|20)\d{2}\s*年|\d{1,2}\s*月(?:\d{1,2}\s*日)?|年底|年内|长期|持续|常态化|每(?:年|季|半年|月|周)/;
/** A measure's opening verb: no unit's name starts with one. */
const ACTION_START = /^(?:加强|推进|开展|完善|建立|健全|做好|组织|督促|指导|落实|深化|提升|强化|制定|严格|及时|全面|进一步|积极|确保|按照|根据)/;
/** Sentence punctuation outside brackets. */
const SENTENCE_MARK = /[。！？!?]/;
/** A name needs a character or a letter: `12345` or `—` in a unit cell is a number or a mark, not a unit. */
const NAME_CHARACTER = /[A-Za-z\u3400-\u9FFF]/;

/** A name that reads like a measure, a deadline, a sentence or a number rather than a unit. */
export function looksLikeStrayText(name: string): boolean {
  const outside = withoutBrackets(name);
  return (
    outside.length > MAX_NAME_CHARS ||
    !NAME_CHARACTER.test(name) ||
    DATE_LIKE.test(outside) ||
    ACTION_START.test(outside) ||
    SENTENCE_MARK.test(outside)
  );
}

function withoutBrackets(name: string): string {
  let out = '';
  let depth = 0;
  for (const ch of name) {
    if (ch === '（') depth++;
    else if (ch === '）' && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/** Numerals tell real siblings apart (第一中学 / 第二中学): a change there is no typo. */
const NUMERAL = /[0-9一二三四五六七八九十]/;
/** A typo is looked for only in stems this long, away from their first two characters (龙溪街道 / 龙山街道). */
const MIN_TYPO_STEM = 4;
/** An abbreviation drops at most this many characters (市场监督管理局 → 市场监管局, 住房城乡建设局 → 住建局). */
const MAX_ABBREVIATION_DROP = 4;

/**
 * Two written names of one unit, as far as the sheet alone can tell:
 * - the same after the matching rules (区司法局 / 司法局);
 * - the same but for a bracketed other name (市委编办 / 市委编办（市审改办）);
 * - the same stem under two kind words (经济运行局 / 经济运行处, 公安局 / 公安分局);
 * - an abbreviation dropping characters in two or more places (市场监[督]管[理]局, 发[展]改[革]委) — one
 *   dropped block is a qualifier, not an abbreviation (市政府[外事]办, 教育[体育]局);
 * - one character changed in a long stem, not in its first two characters nor a numeral (经济运营局 / 经济运行局).
 */
export function areNearSpellings(a: string, b: string): boolean {
  return a !== b && nearShapes(shapeOf(a), shapeOf(b));
}

/** The forms of one name the rules compare, worked out once per name. */
interface Shape {
  key: string;
  /** The key without bracketed text. */
  bare: string;
  /** `bare` without its kind word; null without one. */
  stem: string | null;
}

function shapeOf(name: string): Shape {
  const bare = unitMatchKey(withoutBrackets(name));
  return { key: unitMatchKey(name), bare, stem: stemOf(bare) };
}

function nearShapes(a: Shape, b: Shape): boolean {
  if (a.key === b.key) return true;
  if (a.bare.length >= 2 && a.bare === b.bare) return true;
  if (a.stem !== null && a.stem.length >= 2 && a.stem === b.stem) return true;
  return isAbbreviation(a.bare, b.bare) || isAbbreviation(b.bare, a.bare) || isTypo(a.bare, b.bare);
}

function stemOf(key: string): string | null {
  const suffix = KIND_SUFFIX.exec(key);
  return suffix ? key.slice(0, -suffix[0].length) : null;
}

/** `short` is `long` with characters dropped in two or more places, first and last characters kept. */
function isAbbreviation(short: string, long: string): boolean {
  if (short.length < 3 || long.length - short.length < 2 || long.length - short.length > MAX_ABBREVIATION_DROP) return false;
  if (short[0] !== long[0] || short[short.length - 1] !== long[long.length - 1]) return false;
  let j = 0;
  let dropBlocks = 0;
  let dropping = false;
  for (let i = 0; i < long.length; i++) {
    if (j < short.length && long[i] === short[j]) {
      j++;
      dropping = false;
    } else if (!dropping) {
      dropping = true;
      dropBlocks++;
    }
  }
  return j === short.length && dropBlocks >= 2;
}

function isTypo(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const suffix = KIND_SUFFIX.exec(a)?.[0] ?? '';
  if (!b.endsWith(suffix)) return false;
  const sa = a.slice(0, a.length - suffix.length);
  const sb = b.slice(0, b.length - suffix.length);
  if (sa.length < MIN_TYPO_STEM || boundedEditDistance(sa, sb, 1) !== 1) return false;
  for (let i = 0; i < sa.length; i++) {
    if (sa[i] === sb[i]) continue;
    return i >= 2 && !NUMERAL.test(sa[i]) && !NUMERAL.test(sb[i]);
  }
  return false;
}

/** Names sharing a first character compared pairwise at most (about 80 000 comparisons). */
const MAX_BUCKET = 400;

/** One way a unit is written in the sheet, with the cells that write it (A1 addresses, in sheet order). */
export interface UnitSpelling {
  name: string;
  cells: string[];
}

/** Spellings of one unit: the commonest first (the one to keep), then the others. */
export interface SpellingCluster {
  preferred: UnitSpelling;
  variants: UnitSpelling[];
}

/**
 * Groups near-duplicate spellings (see `areNearSpellings`) among the given unit names (groups and stray text
 * already left out by the caller). The preferred spelling is the one written in most cells, the first seen
 * on a tie. Only clusters of two or more are returned, in the order their first spelling was seen. Names are
 * compared within buckets of the same first character, which every rule above keeps.
 */
export function nearDuplicateSpellings(spellings: readonly UnitSpelling[]): SpellingCluster[] {
  const parent = spellings.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const shapes = spellings.map((s) => shapeOf(s.name));
  const buckets = new Map<string, number[]>();
  shapes.forEach((shape, i) => {
    const first = shape.bare[0] ?? '';
    const bucket = buckets.get(first);
    if (bucket) bucket.push(i);
    else buckets.set(first, [i]);
  });
  for (const bucket of buckets.values()) {
    // Hundreds of distinct names sharing a first character is generated data, not a table typed by hand:
    // beyond this the pairwise comparison would cost more than the whole check, so such a bucket is skipped.
    if (bucket.length > MAX_BUCKET) continue;
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        if (nearShapes(shapes[bucket[x]], shapes[bucket[y]])) parent[root(bucket[y])] = root(bucket[x]);
      }
    }
  }
  const members = new Map<number, UnitSpelling[]>();
  spellings.forEach((s, i) => {
    const r = root(i);
    const list = members.get(r);
    if (list) list.push(s);
    else members.set(r, [s]);
  });
  const clusters: SpellingCluster[] = [];
  for (const list of members.values()) {
    if (list.length < 2) continue;
    const preferred = list.reduce((best, s) => (s.cells.length > best.cells.length ? s : best));
    clusters.push({ preferred, variants: list.filter((s) => s !== preferred) });
  }
  return clusters;
}
