/** A piece of plain text: words, or a web address to show as a link. */
export type TextPart = { text: string } | { url: string };

// http(s) only: never javascript:, data: or a bare domain. Stops at spaces and at characters that close HTML or quotes.
const URL_RE = /\bhttps?:\/\/[^\s<>"'`\u00a0\u200b-\u200f\u2028\u2029]+/gi;
// Punctuation a sentence puts after an address is not part of it (Latin and Arabic-script).
const TRAILING = /[.,;:!?)\]}'"»”’،؛؟۔]+$/;

/** Splits plain text into words and http(s) addresses, in order; the caller escapes both. */
export function splitWebLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(URL_RE)) {
    let url = m[0];
    const trail = TRAILING.exec(url)?.[0] ?? '';
    // Keep a closing bracket that has its opening one inside the address (Wikipedia-style links).
    const keep = trail.startsWith(')') && url.includes('(') ? 1 : 0;
    url = url.slice(0, url.length - trail.length + keep);
    if (url.length <= 'https://'.length) continue;
    const start = m.index!;
    if (start > at) parts.push({ text: text.slice(at, start) });
    parts.push({ url });
    at = start + url.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
