/**
 * A JSX runtime that renders straight to HTML strings, escaping every text and attribute
 * value by default. Raw HTML goes in only through `raw()` (sanitized bodies) — nowhere else.
 * Written here rather than taken from a UI library: the whole job is these few functions,
 * and rendering to strings without a virtual DOM keeps public pages fast.
 */

/** HTML that is already safe to insert as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks trusted, sanitized HTML for insertion without escaping. */
export function raw(html: string): Html {
  return new Html(html);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const ESCAPE_TEST = /[&<>"']/;
const ESCAPE_ALL = /[&<>"']/g;

/** Escapes text for use in HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return ESCAPE_TEST.test(text) ? text.replace(ESCAPE_ALL, (c) => ESCAPES[c]!) : text;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export type Child = Html | string | number | boolean | null | undefined | Child[];
type Props = Record<string, unknown> & { children?: Child };
type Component = (props: any) => Html;

function renderChildren(child: Child, out: string[]): void {
  if (child === null || child === undefined || child === false || child === true) return;
  if (child instanceof Html) out.push(child.value);
  else if (Array.isArray(child)) for (const c of child) renderChildren(c, out);
  else out.push(escapeHtml(String(child)));
}

const ATTR_NAMES: Record<string, string> = { className: 'class', htmlFor: 'for' };

function renderAttributes(props: Props): string {
  let s = '';
  for (const key in props) {
    if (key === 'children') continue;
    const value = props[key];
    if (value === null || value === undefined || value === false) continue;
    const name = ATTR_NAMES[key] ?? key;
    s += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return s;
}

export function jsx(type: string | Component, props: Props): Html {
  if (typeof type === 'function') return type(props);
  const out: string[] = [`<${type}${renderAttributes(props)}>`];
  if (VOID.has(type)) return new Html(out[0]!);
  renderChildren(props.children, out);
  out.push(`</${type}>`);
  return new Html(out.join(''));
}

export const jsxs = jsx;
export const jsxDEV = jsx;

/** `<>…</>` */
export function Fragment(props: { children?: Child }): Html {
  const out: string[] = [];
  renderChildren(props.children, out);
  return new Html(out.join(''));
}

export namespace JSX {
  export type Element = Html;
  export interface IntrinsicElements {
    [name: string]: Record<string, unknown>;
  }
  export interface ElementChildrenAttribute {
    children: {};
  }
}
