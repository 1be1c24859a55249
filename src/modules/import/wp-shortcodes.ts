/** WordPress shortcodes as text: finding them and reading their attributes the way WordPress does. */

export interface Shortcode {
  name: string;
  attrs: Record<string, string>;
  /** the enclosed content of `[name]…[/name]`, or null for a self-closing one */
  content: string | null;
}

/**
 * WordPress's shortcode pattern: `[name attrs]`, `[name attrs /]` or `[name attrs]content[/name]`;
 * `[[name]]` is an escaped shortcode that stays as text (without the outer brackets).
 */
const SHORTCODE = /\[(\[?)([A-Za-z_][\w-]*)(?![\w-])([^\]\/]*(?:\/(?!\])[^\]\/]*)*?)(?:(\/)\]|\](?:([^\[]*(?:\[(?!\/\2\])[^\[]*)*)(\[\/\2\]))?)(\]?)/g;

const ATTR = /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)/g;

/** A shortcode's attributes; names lower-cased, positional ones under "0", "1", … */
export function parseShortcodeAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  let position = 0;
  const clean = text.replace(/[\u00a0\u200b]/g, ' ');
  for (const m of clean.matchAll(ATTR)) {
    if (m[1] !== undefined) attrs[m[1].toLowerCase()] = m[2]!;
    else if (m[3] !== undefined) attrs[m[3].toLowerCase()] = m[4]!;
    else if (m[5] !== undefined) attrs[m[5].toLowerCase()] = m[6]!;
    else attrs[String(position++)] = m[7] ?? m[8] ?? m[9] ?? '';
  }
  return attrs;
}

/**
 * Replaces each shortcode whose name `handle` knows (it returns the replacement) and leaves
 * every other one as it was, telling `unknown` its name.
 */
export function replaceShortcodes(text: string, handle: (s: Shortcode) => string | undefined, unknown: (name: string) => void): string {
  if (!text.includes('[')) return text;
  return text.replace(SHORTCODE, (whole, open: string, name: string, attrText: string, _selfClose, content: string | undefined, _close, close: string) => {
    if (open === '[' && close === ']') return whole.slice(1, -1);
    const replaced = handle({ name: name.toLowerCase(), attrs: parseShortcodeAttrs(attrText), content: content ?? null });
    if (replaced === undefined) {
      unknown(name.toLowerCase());
      if (!content) return whole;
      // Kept as text, but the shortcodes inside it are still converted.
      const end = whole.length - close.length - `[/${name}]`.length;
      return whole.slice(0, end - content.length) + replaceShortcodes(content, handle, unknown) + whole.slice(end);
    }
    return open + replaced + close;
  });
}
