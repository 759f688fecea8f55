/**
 * The ES5 spellings of the domain's regexes (for the lite pane in IE11/EdgeHTML) behave exactly as the ES2018
 * forms they replaced: named groups via namedGroupPattern, the two lookbehinds of unit-name normalisation and
 * the astral range of the display-width regex; and the return fingerprint without BigInt (no ES5 form).
 */
import fc from 'fast-check';
import { namedGroupPattern } from '../../src/domain/named-groups';
import { fingerprint } from '../../src/domain/returns/identity';
import { displayWidth } from '../../src/domain/text-metrics';
import { normaliseUnitName } from '../../src/domain/units/normalise';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

function nativeGroups(m: RegExpExecArray): Record<string, string | undefined> {
  return { ...(m.groups ?? {}) };
}

function allMatches(regex: RegExp, s: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(s); m !== null; m = regex.exec(s)) {
    found.push(m);
    if (m[0] === '') regex.lastIndex++;
  }
  return found;
}

describe('namedGroupPattern', () => {
  const SOURCES = [
    '(?<y>\\d{4})(?<sep>[-/.])(?<m>\\d{1,2})\\k<sep>(?<d>\\d{1,2})(?!\\d)',
    '(?<a>[上下])半年|(?:第)?(?<q>[1-4])(?:季度|季)(?<end>末|底)?',
    '([(?<x>])(?<b>\\(\\d\\))(\\d)\\k<b>1',
    '(?<lead>牵头(?:单位)?)|(?<partner>配合(?=[、，]|$))',
  ];
  const TEXT = fc.stringOf(fc.constantFrom(...'2022-09/3.0上下半年第季度末底牵头单位配合、，(1)[x]'.split('')), { maxLength: 24 });

  it.each(SOURCES)('matches and groups as the native named-group regex: %s', (source) => {
    const pattern = namedGroupPattern(source, 'g');
    const native = new RegExp(source, 'g');
    fc.assert(
      fc.property(TEXT, (s) => {
        const ours = allMatches(pattern.regex, s);
        const theirs = allMatches(native, s);
        expect(ours.map((m) => [m.index, m[0], pattern.groups(m)])).toEqual(theirs.map((m) => [m.index, m[0], nativeGroups(m)]));
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps no ES2018 syntax in the compiled source', () => {
    expect(namedGroupPattern(SOURCES[0]).regex.source).toBe('(\\d{4})([-/.])(\\d{1,2})(?:\\2)(\\d{1,2})(?!\\d)');
  });

  it('refuses a back-reference to an unknown group and a repeated name', () => {
    expect(() => namedGroupPattern('(?<a>x)\\k<b>')).toThrow(SyntaxError);
    expect(() => namedGroupPattern('(?<a>x)(?<a>y)')).toThrow(SyntaxError);
  });
});

describe('lookbehind-free unit-name normalisation', () => {
  // The former ES2018 forms, kept here as the reference.
  const TRAILING_DENG = /(?<=.)等(?:[0-9一二三四五六七八九十百]+(?:个|家))?(?:相关|有关)?(?:单位|部门|机构)?$/;
  const SPACE_AFTER_WIDE = /(?<=[^ -~]) /g;
  const NEW_TRAILING_DENG = /(.)等(?:[0-9一二三四五六七八九十百]+(?:个|家))?(?:相关|有关)?(?:单位|部门|机构)?$/;
  const NEW_SPACE_AFTER_WIDE = /([^ -~]) /g;
  const TEXT = fc.stringOf(fc.constantFrom(...'等3个家相关有关单位部门机构局 a\n、'.split('')), { maxLength: 16 });

  it('strips a trailing 等 clause exactly as the lookbehind did', () => {
    fc.assert(
      fc.property(TEXT, (s) => expect(s.replace(NEW_TRAILING_DENG, '$1')).toBe(s.replace(TRAILING_DENG, ''))),
      { numRuns: RUNS },
    );
  });

  it('drops a space after a wide character exactly as the lookbehind did', () => {
    fc.assert(
      fc.property(TEXT, (s) => expect(s.replace(NEW_SPACE_AFTER_WIDE, '$1')).toBe(s.replace(SPACE_AFTER_WIDE, ''))),
      { numRuns: RUNS },
    );
  });

  it('still normalises the usual forms', () => {
    expect(normaliseUnitName('社 会 发 展 局等单位')).toBe('社会发展局');
    expect(normaliseUnitName('等')).toBe('等');
  });
});

describe('display width without the u flag', () => {
  const WIDE_U = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;
  const reference = (s: string): number => [...s].reduce((w, ch) => w + (WIDE_U.test(ch) ? 2 : 1), 0);

  it('counts every code point as the u-flag regex did', () => {
    const codePoint = fc.oneof(
      fc.integer({ min: 0x20, max: 0xffff }).filter((c) => c < 0xd800 || c > 0xdfff),
      fc.integer({ min: 0x1ff00, max: 0x40100 }),
    );
    fc.assert(
      fc.property(fc.array(codePoint, { maxLength: 12 }), (cps) => {
        const s = String.fromCodePoint(...cps);
        expect(displayWidth(s)).toBe(reference(s));
      }),
      { numRuns: RUNS * 3 },
    );
    expect(displayWidth('\u{20000}\u{3FFFD}\u{3FFFE}𠀀')).toBe(7);
  });
});

describe('return fingerprints without BigInt', () => {
  /** The former BigInt form, as the reference. */
  function bigIntFingerprint(s: string): string {
    let hash = BigInt('0xcbf29ce484222325');
    const prime = BigInt('0x100000001b3');
    const mask = BigInt('0xffffffffffffffff');
    for (let i = 0; i < s.length; i++) hash = ((hash ^ BigInt(s.charCodeAt(i))) * prime) & mask;
    return hash.toString(16).padStart(16, '0');
  }

  it('gives the same 64-bit FNV-1a as BigInt arithmetic, so existing return copies still match', () => {
    expect(fingerprint('')).toBe('cbf29ce484222325');
    expect(fingerprint('a')).toBe('af63dc4c8601ec8c'); // the published FNV-1a 64 test vector
    fc.assert(
      fc.property(fc.fullUnicodeString({ maxLength: 40 }), (s) => expect(fingerprint(s)).toBe(bigIntFingerprint(s))),
      { numRuns: RUNS * 3 },
    );
  });
});
