/**
 * Makes every address in sanitized body HTML absolute, so a feed reader — which shows the body
 * away from the site — follows links and loads pictures from the site. Relative addresses
 * (`/media/…`, `../x`, `#ref-1`) are resolved against the item's own page.
 *
 * This works on the sanitizer's output only: tags there are well formed, attribute values are
 * always double-quoted and escaped (a `>` inside one is `&gt;`), so a tag is `<name …>` and an
 * attribute `name="…"`. Text between tags is never touched.
 */

const TAG = /<[a-zA-Z][^>]*>/g;
const URL_ATTR = /(\s(?:href|src|poster|cite)=")([^"]*)"/g;
const SRCSET_ATTR = /(\ssrcset=")([^"]*)"/g;

const ENTITY: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>', '&#x27;': "'" };
const unescape = (s: string) => s.replace(/&(?:amp|quot|#39|#x27|lt|gt);/g, (e) => ENTITY[e]!);
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One address made absolute against `base`; anything that does not parse as an address is left as it was. */
export function absoluteUrl(value: string, base: string): string {
  const trimmed = value.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return value;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return value;
  }
}

function resolveAttr(escaped: string, base: string): string {
  return escape(absoluteUrl(unescape(escaped), base));
}

function resolveSrcset(escaped: string, base: string): string {
  return escape(
    unescape(escaped)
      .split(',')
      .map((candidate) => {
        const [url, ...descriptor] = candidate.trim().split(/\s+/);
        return url ? [absoluteUrl(url, base), ...descriptor].join(' ') : '';
      })
      .filter(Boolean)
      .join(', '),
  );
}

/** Sanitized HTML with each `href`, `src`, `poster`, `cite` and `srcset` address absolute, resolved against `base` (an absolute URL). */
export function absolutizeHtml(html: string, base: string): string {
  if (!html.includes('="')) return html;
  return html.replace(TAG, (tag) =>
    tag
      .replace(URL_ATTR, (_m, start: string, value: string) => `${start}${resolveAttr(value, base)}"`)
      .replace(SRCSET_ATTR, (_m, start: string, value: string) => `${start}${resolveSrcset(value, base)}"`),
  );
}
