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

const NEEDS_ESCAPE = /["&'<>]/;
const ESCAPABLE = /["&'<>]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPABLE, (c) => ENTITIES[c]!) : text;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export type Child = Html | string | number | boolean | null | undefined | Child[];
type Props = Record<string, unknown> & { children?: Child };
type Component = (props: any) => Html;

function renderChild(child: Child): string {
  if (typeof child === 'string') return escapeHtml(child);
  if (child instanceof Html) return child.value;
  if (Array.isArray(child)) {
    let out = '';
    for (const c of child) out += renderChild(c);
    return out;
  }
  if (child === null || child === undefined || typeof child === 'boolean') return '';
  return escapeHtml(String(child));
}

const ATTR_NAMES: Record<string, string> = { className: 'class', htmlFor: 'for' };

export function jsx(type: string | Component, props: Props): Html {
  if (typeof type === 'function') return type(props);
  let out = '<' + type;
  for (const key in props) {
    if (key === 'children') continue;
    const value = props[key];
    if (value === null || value === undefined || value === false) continue;
    const name = ATTR_NAMES[key] ?? key;
    // An attribute value may come already escaped (as Html), like a prebuilt link.
    out += value === true ? ' ' + name : ' ' + name + '="' + (value instanceof Html ? value.value : escapeHtml(String(value))) + '"';
  }
  out += '>';
  if (VOID.has(type)) return new Html(out);
  if (props.children !== undefined) out += renderChild(props.children);
  return new Html(out + '</' + type + '>');
}

export const jsxs = jsx;
export const jsxDEV = jsx;

/** `<>…</>` */
export function Fragment(props: { children?: Child }): Html {
  return new Html(renderChild(props.children));
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
