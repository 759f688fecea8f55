/**
 * The few DOM helpers the lite pane is built with. Text always goes in through textContent (sheet text is the
 * clerk's data and is never parsed as HTML); attributes through setAttribute.
 */
export interface ElementOptions {
  className?: string;
  text?: string;
  attrs?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: Node[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  if (options.attrs) for (const name of Object.keys(options.attrs)) element.setAttribute(name, options.attrs[name]);
  for (const child of children) element.appendChild(child);
  return element;
}

/** Replaces a node's children (IE11 has no replaceChildren). */
export function setChildren(parent: Node, children: Node[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  for (const child of children) parent.appendChild(child);
}

export function button(text: string, onClick: () => void, className = 'lite-button'): HTMLButtonElement {
  const b = el('button', { className, text, attrs: { type: 'button' } });
  b.addEventListener('click', onClick);
  return b;
}

let nextId = 0;
/** A label bound to its control by id (so a screen reader names the control). */
export function labelled(text: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || `lite-field-${++nextId}`;
  control.id = id;
  const parts: Node[] = [el('label', { className: 'lite-label', text, attrs: { for: id } }), control];
  if (hint) {
    const hintId = `${id}-hint`;
    parts.push(el('span', { className: 'lite-hint', text: hint, attrs: { id: hintId } }));
    control.setAttribute('aria-describedby', hintId);
  }
  return el('div', { className: 'lite-field' }, parts);
}

/**
 * Shows (or, with null, removes) an error right under a control made by {@link labelled}: the clerk sees what is
 * wrong where she typed it, and a screen reader hears it with the field (aria-invalid + aria-describedby).
 */
export function setFieldError(control: HTMLElement, message: string | null): void {
  const field = control.parentNode as HTMLElement | null;
  if (!field) return;
  const errorId = `${control.id}-error`;
  const existing = document.getElementById(errorId);
  if (existing && existing.parentNode) existing.parentNode.removeChild(existing);
  const describedBy = (control.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && id !== errorId);
  if (message === null) {
    control.removeAttribute('aria-invalid');
  } else {
    field.appendChild(el('span', { className: 'lite-field-error', text: message, attrs: { id: errorId, role: 'alert' } }));
    control.setAttribute('aria-invalid', 'true');
    describedBy.push(errorId);
  }
  if (describedBy.length > 0) control.setAttribute('aria-describedby', describedBy.join(' '));
  else control.removeAttribute('aria-describedby');
}
