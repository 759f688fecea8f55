/**
 * Named capture groups written the readable way, `(?<year>\d{4})`, but compiled to a regex without ES2018
 * syntax: the lite task pane runs the same domain code in Internet Explorer 11 and EdgeHTML, whose regex
 * engines reject `(?<name>…)` and `\k<name>`. Each named group becomes a plain capturing group and the names
 * are kept beside the regex, so matching behaves exactly as the named form would.
 */
export interface NamedGroupPattern {
  /** The compiled regex (plain groups; lastIndex and flags as for any RegExp). */
  readonly regex: RegExp;
  /** The named groups of a match of {@link regex}, undefined for a group that did not take part. */
  groups(match: RegExpExecArray): Record<string, string | undefined>;
}

const NAME = /^[A-Za-z_$][\w$]*$/;

/** Compiles `source` (named groups and `\k<name>` back-references allowed) to an ES5-compatible regex. */
export function namedGroupPattern(source: string, flags = ''): NamedGroupPattern {
  const indexByName = new Map<string, number>();
  let out = '';
  let captures = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      if (!inClass && source[i + 1] === 'k' && source[i + 2] === '<') {
        const close = source.indexOf('>', i + 3);
        const name = source.slice(i + 3, close);
        const index = indexByName.get(name);
        if (close < 0 || index === undefined) throw new SyntaxError(`back-reference to undefined group "${name}"`);
        // Wrapped so that a digit after the reference is not read as part of its number.
        out += `(?:\\${index})`;
        i = close;
      } else {
        out += ch + (source[i + 1] ?? '');
        i++;
      }
    } else if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === '(' && source[i + 1] === '?' && source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') {
      const close = source.indexOf('>', i + 3);
      const name = source.slice(i + 3, close);
      if (close < 0 || !NAME.test(name)) throw new SyntaxError(`invalid group name "${name}"`);
      if (indexByName.has(name)) throw new SyntaxError(`duplicate group name "${name}"`);
      indexByName.set(name, ++captures);
      out += '(';
      i = close;
    } else {
      if (ch === '(' && source[i + 1] !== '?') captures++;
      out += ch;
    }
  }
  const names = [...indexByName];
  return {
    regex: new RegExp(out, flags),
    groups(match) {
      const groups: Record<string, string | undefined> = {};
      for (const [name, index] of names) groups[name] = match[index];
      return groups;
    },
  };
}
