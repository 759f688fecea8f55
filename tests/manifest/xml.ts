/**
 * The manifest test's XML reader, on a conforming parser (saxes): anything that is not well-formed XML — `--`
 * in a comment, a stray `&`, a mismatched tag — throws, exactly as Office and office-addin-manifest refuse it.
 * Names are kept as written (`bt:String`), which is how the test refers to them.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: { ...tag.attributes }, children: [], text: '' };
    if (stack.length) stack[stack.length - 1].children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (t: string) => {
    if (stack.length) stack[stack.length - 1].text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(xml).close();
  if (error) throw error;
  if (!root) throw new Error('no root element');
  return root;
}

/** Direct children named `name`. */
export function children(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

export function child(el: XmlElement, name: string): XmlElement {
  const found = children(el, name);
  if (found.length !== 1) throw new Error(`<${el.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0];
}

/** Every descendant (depth first) matching the predicate. */
export function descendants(el: XmlElement, match: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (match(c)) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}
