/**
 * The unit directory: which units exist, what else they are called, what kind of unit each is, and which
 * named groups (各部门, 各街道, …成员单位) stand for which units.
 */
import { distance } from 'fastest-levenshtein';
import { normaliseUnitName, unitMatchKey } from './normalise';

export interface UnitEntry {
  /** Canonical name, as the directory shows it and as findings suggest it. */
  name: string;
  aliases: string[];
  /** 部门 / 驻区机构 / 街道 / 直属事业单位 … ('' when not known). */
  category: string;
}

export interface UnitGroupEntry {
  name: string;
  aliases: string[];
  /** Members named one by one (units or other groups), or null when the directory lists none. */
  members: string[] | null;
  /** Every unit of these categories is a member too (各部门 = every unit of category 部门). */
  memberCategories?: string[];
}

export interface UnitDirectoryData {
  units: UnitEntry[];
  groups: UnitGroupEntry[];
}

export type UnitResolution =
  | { kind: 'unit'; canonical: string }
  | { kind: 'group'; group: string }
  | { kind: 'unknown'; suggestion: string | null };

interface Candidate {
  key: string;
  /** The canonical unit or group name the key stands for. */
  target: string;
  kind: 'unit' | 'group';
}

/** Separators between halves of `A和B` / `A及B` / `A与B`, which splitting deliberately leaves alone. */
const CONJUNCTION = /和|及|与|以及/;
/** Bounds the memo so a stream of distinct strings cannot grow it without limit. */
const MEMO_LIMIT = 200_000;
/** A containing/contained name must be this long to be offered as a suggestion (`分局` says too little). */
const MIN_CONTAINED_KEY = 3;
/**
 * The word saying what kind of body a name is. Two names ending in the same one are compared without it:
 * 民政局 and 财政局 share only 政局, and the 局 must not make them look a third alike.
 */
export const KIND_SUFFIX = /(?:分局|局|委员会|委|部|办公室|办事处|办|中心|街道|所|站|院|队|处|科)$/;

/**
 * Edits allowed between two stems: a third of the longer. Short stems (财务/财政) get one edit only when they
 * start alike — the first character names the field (财, 民, 规), so 民政 is no typo of 财政.
 */
function typoAllowance(a: string, b: string): number {
  const third = Math.floor(Math.max(a.length, b.length) / 3);
  return third === 0 && a.length >= 2 && b.length >= 2 && a[0] === b[0] ? 1 : third;
}

/** The two names without a kind word they both end in (unchanged when their kind words differ). */
function comparableStems(a: string, b: string): [string, string] {
  const suffix = KIND_SUFFIX.exec(a)?.[0];
  return suffix && b.endsWith(suffix) ? [a.slice(0, -suffix.length), b.slice(0, -suffix.length)] : [a, b];
}

/**
 * Resolves what a clerk wrote to a unit or group of the directory, and expands groups to their members.
 * Built once per check; `resolve` is called for every unit on every row, so answers are memoised per
 * distinct string and the suggestion search runs only for names that are not found.
 */
export class UnitDirectory {
  private readonly byKey = new Map<string, Candidate>();
  private readonly candidates: Candidate[] = [];
  private readonly categoryByUnit = new Map<string, string>();
  private readonly groupsByName = new Map<string, UnitGroupEntry>();
  private readonly resolved = new Map<string, UnitResolution>();
  private readonly expanded = new Map<string, readonly string[]>();

  constructor(readonly data: UnitDirectoryData) {
    // Canonical names first, so an alias can never take over another entry's own name.
    for (const unit of data.units) this.addCandidate(unit.name, unit.name, 'unit');
    for (const group of data.groups) this.addCandidate(group.name, group.name, 'group');
    for (const unit of data.units) for (const alias of unit.aliases) this.addCandidate(alias, unit.name, 'unit');
    for (const group of data.groups) for (const alias of group.aliases) this.addCandidate(alias, group.name, 'group');
    for (const unit of data.units) this.categoryByUnit.set(unit.name, unit.category);
    for (const group of data.groups) this.groupsByName.set(group.name, group);
  }

  private addCandidate(written: string, target: string, kind: Candidate['kind']): void {
    const key = unitMatchKey(written);
    if (key === '' || this.byKey.has(key)) return;
    const candidate = { key, target, kind };
    this.byKey.set(key, candidate);
    this.candidates.push(candidate);
  }

  /** Exact, alias or normalised match → the unit or group; otherwise unknown, with the closest name. */
  resolve(name: string): UnitResolution {
    const memo = this.resolved.get(name);
    if (memo) return memo;
    const key = unitMatchKey(name);
    const hit = this.byKey.get(key);
    let answer: UnitResolution;
    if (hit) {
      answer = hit.kind === 'unit' ? { kind: 'unit', canonical: hit.target } : { kind: 'group', group: hit.target };
    } else {
      answer = { kind: 'unknown', suggestion: key === '' ? null : this.suggest(key) };
    }
    if (this.resolved.size >= MEMO_LIMIT) this.resolved.clear();
    this.resolved.set(name, Object.freeze(answer));
    return answer;
  }

  /**
   * The units a name stands for: a unit → [its canonical name]; a group → its members' canonical names
   * (member groups expanded in turn, then every unit of the member categories, in directory order, without
   * repeats); a group whose members are unknown or come out empty → [the group], so it stays one recipient;
   * an unknown name → [its display form].
   */
  expand(name: string): string[] {
    const r = this.resolve(name);
    if (r.kind === 'unit') return [r.canonical];
    if (r.kind === 'unknown') return [normaliseUnitName(name)];
    return [...this.expandGroup(r.group, new Set())];
  }

  /** `visiting` holds the groups being expanded above this call: a group met again contributes nothing. */
  private expandGroup(group: string, visiting: Set<string>): readonly string[] {
    const memo = this.expanded.get(group);
    if (memo) return memo;
    if (visiting.has(group)) return [];
    const entry = this.groupsByName.get(group);
    const members = new Set<string>();
    if (entry) {
      visiting.add(group);
      for (const member of entry.members ?? []) {
        const r = this.resolve(member);
        if (r.kind === 'unit') members.add(r.canonical);
        else if (r.kind === 'group') for (const m of this.expandGroup(r.group, visiting)) members.add(m);
        else members.add(normaliseUnitName(member));
      }
      const categories = new Set(entry.memberCategories ?? []);
      if (categories.size > 0) {
        for (const unit of this.data.units) if (categories.has(unit.category)) members.add(unit.name);
      }
      visiting.delete(group);
    }
    const result = members.size > 0 ? [...members] : [group];
    // Inside a cycle the answer is partial (the group met again was left out): keep only complete ones.
    if (visiting.size === 0) this.expanded.set(group, result);
    return result;
  }

  /** The category of a unit by canonical name; null for groups and names outside the directory. */
  categoryOf(canonical: string): string | null {
    return this.categoryByUnit.get(canonical) ?? null;
  }

  /**
   * What makes two written names the same unit: the canonical name for a directory unit or group,
   * else the matching form. Handy for `repeatedUnits(names, directory.canonicalKey)`.
   */
  readonly canonicalKey = (name: string): string => {
    const r = this.resolve(name);
    if (r.kind === 'unit') return r.canonical;
    if (r.kind === 'group') return r.group;
    return unitMatchKey(name);
  };

  /**
   * The closest directory name to an unknown key: smallest edit distance to a canonical name or an alias,
   * within about a third of the length of what distinguishes them (a shared kind word such as 局 not counted) (经济运营局 → 经济运行局, 市场监督局 → 市场监管局); ties go to the entry
   * listed first. Failing that, `A和B` whose halves are both known suggests `A、B`; failing that, the
   * longest directory name contained in the key or containing it (两江新区社会发展局卫健科 → 社会发展局).
   */
  private suggest(key: string): string | null {
    let best: Candidate | null = null;
    let bestDistance = Infinity;
    for (const c of this.candidates) {
      const [a, b] = comparableStems(key, c.key);
      const limit = Math.min(typoAllowance(a, b), bestDistance - 1);
      if (limit < 1 || Math.abs(a.length - b.length) > limit) continue;
      const d = boundedEditDistance(a, b, limit);
      if (d <= limit) {
        best = c;
        bestDistance = d;
      }
    }
    if (best) return best.target;

    const halves = key.split(CONJUNCTION);
    if (halves.length > 1 && halves.every((h) => this.byKey.has(unitMatchKey(h)))) {
      return halves.map((h) => (this.byKey.get(unitMatchKey(h)) as Candidate).target).join('、');
    }

    let contained: Candidate | null = null;
    for (const c of this.candidates) {
      const shorter = Math.min(c.key.length, key.length);
      if (shorter < MIN_CONTAINED_KEY || (contained && c.key.length <= contained.key.length)) continue;
      if (key.includes(c.key) || c.key.includes(key)) contained = c;
    }
    return contained ? contained.target : null;
  }
}

/**
 * Levenshtein distance (fastest-levenshtein), capped at `limit + 1`: the search only cares about near names,
 * and names whose lengths differ by more than the limit are not compared at all. Works on UTF-16 code units,
 * which for CJK names are characters.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  return Math.min(distance(a, b), limit + 1);
}
