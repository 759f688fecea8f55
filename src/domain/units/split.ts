/**
 * Reading the units out of one cell: a list (`各街道，办公室、社会保障局`), or lead and partner units written
 * together in one column (`X牵头，Y配合`, `牵头单位：X；责任单位：Y`, `X（牵头）、Y`).
 */
import { namedGroupPattern } from '../named-groups';
import { normaliseText } from '../text';
import { insideBrackets, normaliseUnitName, ONLY_DENG, unitMatchKey } from './normalise';

/**
 * Separators between units: 、 within one kind, ，between kinds, ； between groups, line breaks in multi-line
 * cells — in every width (the half-width ideographic comma ､ and the small form ﹑ come from old fonts).
 * 和 / 及 / 与 are deliberately NOT separators: they sit inside real names (人力资源和社会保障局, 规划和自然资源局,
 * 住房和城乡建设委员会). `UnitDirectory.resolve` suggests the split instead when both halves are known units.
 */
const SEPARATORS = new Set([...'、，,；;\n\r\u2028\u2029､﹑']);

/**
 * Splits a unit cell into unit names (display form, see `normaliseUnitName`), in the order written.
 * Never splits inside brackets (`各县（市、区）` is one unit), drops empty pieces and a 等 left standing on its
 * own, and keeps duplicates so the engine can report a unit named twice in one cell.
 */
export function splitUnits(text: string): string[] {
  const units: string[] = [];
  const protectedAt = insideBrackets(text);
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && (protectedAt[i] === 1 || !SEPARATORS.has(text[i]))) continue;
    const piece = text.slice(start, i);
    const name = normaliseUnitName(piece.indexOf('见') >= 0 || piece.indexOf('下同') >= 0 || piece.indexOf('附件') >= 0 ? piece.replace(BRACKETED_NOTE, '') : piece);
    start = i + 1;
    if (name === '' || ONLY_DENG.test(name)) continue;
    // `市委编办\n（市审改办）`: the other name of the unit above, written under it in brackets.
    if (units.length > 0 && WHOLLY_BRACKETED.test(name)) units[units.length - 1] += name;
    else units.push(name);
  }
  return units;
}

/** A note in brackets after a name, not part of it: `（见附件1，下同）`, `（详见说明）`, `（下同）`. */
const BRACKETED_NOTE = /[（(](?:[^（）()]*(?:下同|同上)|(?:详见|参见|见)[^（）()]*|附件[^（）()]*)[）)]/g;
/** A piece that is one bracketed name and nothing else. */
const WHOLLY_BRACKETED = /^（[^（）]+）$/;

/**
 * The names that occur more than once in one cell's list, each reported at its second and later
 * occurrences (as written). `keyOf` decides what counts as the same unit; by default the directory's
 * matching form, so `区司法局` repeats `司法局`. Pass `directory.canonicalKey` to also merge aliases.
 */
export function repeatedUnits(names: readonly string[], keyOf: (name: string) => string = unitMatchKey): string[] {
  const seen = new Set<string>();
  const repeats: string[] = [];
  for (const name of names) {
    const key = keyOf(name);
    if (seen.has(key)) repeats.push(name);
    else seen.add(key);
  }
  return repeats;
}

export interface LeadAndResponsible {
  lead: string[];
  responsible: string[];
  /** True when the cell said which units lead (牵头 wording, labels or a （牵头） mark). */
  combined: boolean;
}

/** `牵头单位：`, `主办：`, `责任部门：`, `配合单位：` … (after width folding the colon is ASCII). */
const ROLE_LABEL = /(牵头|主办|主责|责任|配合|参与|协办|协助|协同)(?:单位|部门)?\s*:/g;
const LEAD_ROLES = new Set(['牵头', '主办', '主责']);

/**
 * Role words written after a list of units. Lead: `X、Y牵头`, `X为牵头单位`, `X负责牵头`, `X、Y分别牵头落实`.
 * Partner: `Z配合`, `Z按职责分工负责`, `Z按职能分别落实`, `Z参与`, `Z协助` — only at the end of a clause (before a separator or the end), so a
 * word inside a longer phrase is not taken for a role.
 */
const ROLE_SUFFIX = namedGroupPattern(
  [
    '(?<lead>(?:为|作为|负责|分别|共同)?牵头(?:负责|抓总|落实)?(?:单位|部门)?|会同(?!县))',
    '(?<partner>(?:为|作为)?(?:按照?职(?:责|能)(?:分工)?|各司其职|分别|共同|积极){0,2}' +
      '(?:配合(?:落实|实施|做好)?|参与|协助|协办|参照(?:执行|落实)?|负责(?:落实|实施)?|落实)(?:单位|部门)?(?=\\s*(?:[、，,；;。.\\n]|$)))',
  ].join('|'),
  'g',
);

/** The first characters of every role word above (labels, suffixes, bracketed marks). */
const ROLE_WORD_START = /[牵主责配参协负落会]/;

/** A role written in brackets after one unit: `办公室（牵头）`, `司法局（配合单位）`. */
const BRACKETED_ROLE = /^(.+?)（(牵头|主办|配合|参与|协办|协助|责任)(?:单位|部门)?）$/;

/**
 * Splits a unit cell into lead and responsible units. Understands `X牵头，Y配合`, `X、Y牵头，Z按职责分工负责`,
 * `牵头单位：X；责任单位：Y`, `牵头：X 配合：Y` and `X（牵头）、Y`. Units after the last role word, or before
 * the first label, count as responsible. A plain list without any such wording gives lead [] and every
 * unit responsible: no written rule makes the first-listed unit the lead.
 */
export function splitLeadAndResponsible(text: string): LeadAndResponsible {
  // Most cells are plain lists: without any character that starts a role word there is nothing to look for.
  if (!ROLE_WORD_START.test(text)) return { lead: [], responsible: splitUnits(text), combined: false };
  const s = normaliseText(text);
  const protectedAt = insideBrackets(s);
  const lead: string[] = [];
  const responsible: string[] = [];
  let combined = false;

  const labels = matchesOutsideBrackets(ROLE_LABEL, s, protectedAt);
  if (labels.length > 0) {
    combined = true;
    responsible.push(...splitUnits(s.slice(0, labels[0].index)));
    labels.forEach((m, i) => {
      const end = i + 1 < labels.length ? labels[i + 1].index : s.length;
      const units = splitUnits(s.slice(m.index + m[0].length, end));
      (LEAD_ROLES.has(m[1]) ? lead : responsible).push(...units);
    });
  } else {
    const clauses = withoutClauseTails(s, protectedAt);
    const roles = matchesOutsideBrackets(ROLE_SUFFIX.regex, clauses, insideBrackets(clauses));
    // A plain 负责 in the first clause names the lead (`X负责，Y参与`, `X负责`); several (`X负责…，Y负责…`)
    // share the task out, so none of them leads, and neither do the units of a list that is all the cell says
    // (`X、Y，Z负责`: they answer for the task together).
    const plain = roles.filter((m) => m[0] === '负责');
    const sharedByAll = roles.length === 1 && splitUnits(clauses.slice(0, roles[0].index)).length > 1;
    const plainLead = plain.length === 1 && roles[0] === plain[0] && !sharedByAll ? plain[0] : null;
    let from = 0;
    for (const m of roles) {
      combined = true;
      const units = splitUnits(clauses.slice(from, m.index));
      (ROLE_SUFFIX.groups(m).lead || m === plainLead ? lead : responsible).push(...units);
      from = m.index + m[0].length;
    }
    // With no role word, the cut clause tails were not clauses: the cell is read as the plain list it is.
    responsible.push(...splitUnits(roles.length === 0 ? text : clauses.slice(from)));
  }

  // `X（牵头）` marks one unit wherever it stands, overriding the clause it was found in.
  const result: LeadAndResponsible = { lead: [], responsible: [], combined };
  const place = (name: string, role: 'lead' | 'responsible'): void => {
    const marked = BRACKETED_ROLE.exec(name);
    if (!marked) {
      result[role].push(name);
      return;
    }
    result.combined = true;
    const unit = normaliseUnitName(marked[1]);
    if (unit !== '') result[LEAD_ROLES.has(marked[2]) ? 'lead' : 'responsible'].push(unit);
  };
  lead.forEach((name) => place(name, 'lead'));
  responsible.forEach((name) => place(name, 'responsible'));
  return result;
}

/**
 * What a narrative cell says each unit does (`市场监管局负责食品安全，卫健委负责医疗机构`, `X牵头制定方案`): the
 * words after 负责 / 牵头 up to the next separator, which are not a unit's name.
 */
const CLAUSE_TAIL = /(负责|牵头)(?!人|牵头|负责|抓总|落实|单位|部门)[^、，,；;。.\n]+/g;

/** The cell with the clause tails above cut off (outside brackets), leaving `X负责` / `X牵头`. */
function withoutClauseTails(s: string, protectedAt: Uint8Array): string {
  const tails = matchesOutsideBrackets(CLAUSE_TAIL, s, protectedAt);
  if (tails.length === 0) return s;
  let out = '';
  let from = 0;
  for (const m of tails) {
    out += s.slice(from, m.index + m[1].length);
    from = m.index + m[0].length;
  }
  return out + s.slice(from);
}

function matchesOutsideBrackets(pattern: RegExp, s: string, protectedAt: Uint8Array): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(s); m !== null; m = pattern.exec(s)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    if (protectedAt[m.index] !== 1) found.push(m);
  }
  return found;
}
