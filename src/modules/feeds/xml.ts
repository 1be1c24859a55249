/**
 * A small XML 1.0 writer: documents are described as data (element name, attributes, children)
 * and serialized here, the one place where text is escaped. Nothing else builds XML by joining
 * strings, so no title, body or name can break out of its element.
 */

/** An element: its name, attributes (undefined ones left out) and children (text or elements). */
export interface XmlElement {
  name: string;
  attrs?: Record<string, string | number | undefined>;
  children?: XmlChild[];
}
export type XmlChild = XmlElement | string | null | undefined | false;

/** Shorthand for an element; `children` may be one text. */
export function el(name: string, attrs?: XmlElement['attrs'], ...children: (XmlChild | XmlChild[])[]): XmlElement {
  return { name, attrs, children: children.flat() };
}

// XML 1.0 allows tab, LF, CR and everything from U+0020 except the surrogates (when unpaired) and U+FFFE/U+FFFF.
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Most text has none of these, and a plain test is far cheaper than the replacement with its lookarounds.
const MAYBE_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text with the characters XML 1.0 cannot carry removed (control characters, unpaired surrogates). */
export function xmlSafeText(text: string): string {
  return MAYBE_ILLEGAL.test(text) ? text.replace(ILLEGAL, '') : text;
}

const NEEDS_ESCAPE = /[&<>"]/;

/** Escapes text for element content and double-quoted attribute values, after removing illegal characters. */
export function escapeXml(text: string): string {
  const safe = xmlSafeText(text);
  // Four plain replacements beat one with a callback several times over on long bodies.
  return NEEDS_ESCAPE.test(safe) ? safe.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') : safe;
}

const NAME = /^[A-Za-z_][\w.:-]*$/;

function write(node: XmlElement, out: string[]): void {
  if (!NAME.test(node.name)) throw new Error(`not an XML name: ${node.name}`);
  out.push('<', node.name);
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    if (value === undefined) continue;
    if (!NAME.test(key)) throw new Error(`not an XML name: ${key}`);
    out.push(' ', key, '="', escapeXml(String(value)), '"');
  }
  const children = (node.children ?? []).filter((c): c is XmlElement | string => typeof c === 'string' || (typeof c === 'object' && c !== null));
  if (children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of children) {
    if (typeof child === 'string') out.push(escapeXml(child));
    else write(child, out);
  }
  out.push('</', node.name, '>');
}

/** A whole document: the XML declaration (UTF-8) and the root element. */
export function renderXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  write(root, out);
  out.push('\n');
  return out.join('');
}
