import { RedirectError } from './redirects.errors.js';

/** Longest old address kept (WordPress permalinks with Persian slugs run long once percent-encoded). */
export const MAX_FROM_LENGTH = 2000;

/** Query parameters that say where a reader came from, not what they asked for: ignored when matching. */
const TRACKING = /^(?:utm_[a-z]+|fbclid|gclid|msclkid|mc_cid|mc_eid|_ga)$/;
/** Characters that would change a path's or query's meaning if they stood there decoded. */
const PATH_RESERVED = /[%/?#]/g;
const QUERY_RESERVED = /[%&=#+]/g;
const CONTROL = /[\u0000-\u001f\u007f]/;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const escapeChar = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Decodes each run of percent-escapes that is valid UTF-8 (Persian and Arabic slugs arrive
 * encoded, in either case of hex digits); characters that would change the meaning stay escaped,
 * and a run that is not UTF-8 stays as it was, its hex upper-cased.
 */
function decodeRuns(text: string, reserved: RegExp): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    const bytes = Uint8Array.from(run.slice(1).split('%'), (h) => parseInt(h, 16));
    try {
      return utf8.decode(bytes).replace(reserved, escapeChar);
    } catch {
      return run.toUpperCase();
    }
  });
}

/** Letters in lower case and NFC (one spelling of each accented letter); escapes that remain keep upper-case hex. */
function lower(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/%[0-9a-f]{2}/g, (e) => e.toUpperCase());
}

function normalizePath(raw: string): string {
  let path = lower(decodeRuns(raw, PATH_RESERVED)).replace(/\/{2,}/g, '/');
  // WordPress answers /index.php/slug/ and /index.php?p=1 as it does /slug/ and /?p=1.
  if (path === '/index.php') path = '/';
  else if (path.startsWith('/index.php/')) path = path.slice('/index.php'.length);
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function normalizeQuery(raw: string): string {
  const pairs: [string, string][] = [];
  for (const part of raw.split(/[&;]/)) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const [k, v] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    const key = lower(decodeRuns(k.replace(/\+/g, ' '), QUERY_RESERVED));
    if (!key || TRACKING.test(key)) continue;
    pairs.push([key, lower(decodeRuns(v.replace(/\+/g, ' '), QUERY_RESERVED))]);
  }
  pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return pairs.map(([k, v]) => `${k.replace(/ /g, '+')}=${v.replace(/ /g, '+')}`).join('&');
}

/**
 * The one form an old address is stored and matched in, so `/2019/05/%D8%B3%D9%84%D8%A7%D9%85/`,
 * `/2019/05/سلام` and `/2019/05/%d8%b3%d9%84%d8%a7%d9%85` are one address: escapes decoded, letters
 * in lower case (WordPress matches slugs so), no trailing slash, query parameters sorted, tracking
 * parameters and the fragment dropped. Refuses anything that is not a path of this site.
 */
export function normalizeFrom(raw: string): string {
  const text = raw.trim();
  if (!text.startsWith('/') || text.startsWith('//') || text.startsWith('/\\')) {
    throw new RedirectError('redirects.invalid_from', 'The old address must be a path on this site, starting with / (like /2019/05/some-slug/ or /?p=123).', 'from');
  }
  if (text.length > MAX_FROM_LENGTH) throw new RedirectError('redirects.invalid_from', `The old address is longer than ${MAX_FROM_LENGTH} characters.`, 'from');
  if (CONTROL.test(text) || /\s/.test(text)) throw new RedirectError('redirects.invalid_from', 'The old address cannot contain spaces or control characters.', 'from');
  const noFragment = text.split('#', 1)[0]!;
  const q = noFragment.indexOf('?');
  const path = normalizePath(q < 0 ? noFragment : noFragment.slice(0, q));
  const query = q < 0 ? '' : normalizeQuery(noFragment.slice(q + 1));
  return query ? `${path}?${query}` : path;
}

/** The path part of a normalized address (no query), for the fallback match of a URL with extra parameters. */
export function pathOf(normalized: string): string {
  const q = normalized.indexOf('?');
  return q < 0 ? normalized : normalized.slice(0, q);
}

export type Target = { kind: 'path'; value: string } | { kind: 'url'; value: string };

/**
 * Checks where a redirect leads: a path on this site, or — only when an editor typed it — a
 * full http(s) address. Never `//host` or `/\host`, which browsers take for another site.
 */
export function parseTarget(raw: string, allowUrl: boolean): Target {
  const text = raw.trim();
  if (!text) throw new RedirectError('redirects.invalid_target', 'Say where the old address should lead: a path starting with / or a full https:// address.', 'to');
  if (text.length > MAX_FROM_LENGTH) throw new RedirectError('redirects.invalid_target', `The new address is longer than ${MAX_FROM_LENGTH} characters.`, 'to');
  if (CONTROL.test(text) || /\s/.test(text)) throw new RedirectError('redirects.invalid_target', 'The new address cannot contain spaces or control characters.', 'to');
  if (text.startsWith('/')) {
    if (text.startsWith('//') || text.includes('\\')) throw new RedirectError('redirects.invalid_target', 'A path on this site starts with a single / (// would lead to another site).', 'to');
    return { kind: 'path', value: text };
  }
  if (/^https?:\/\//i.test(text)) {
    if (!allowUrl) throw new RedirectError('redirects.invalid_target', 'An imported redirect must lead to a path on this site, not to another site.', 'to');
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new RedirectError('redirects.invalid_target', 'The new address is not a valid web address.', 'to');
    }
    if (!url.hostname || url.username || url.password) throw new RedirectError('redirects.invalid_target', 'The new address is not a valid web address (no host, or a user name in it).', 'to');
    return { kind: 'url', value: url.href };
  }
  throw new RedirectError('redirects.invalid_target', 'The new address must be a path starting with / or a full http:// or https:// address.', 'to');
}

/** The Location header for a stored target: a path percent-encoded (Unicode slugs included), a full address as stored. */
export function locationOf(to: string): string {
  if (!to.startsWith('/')) return to;
  const url = new URL(to, 'http://nashr.invalid');
  // Dot segments can leave `//host` at the start ("/.//host"), which a browser takes for another site.
  return `${url.pathname.replace(/^\/{2,}/, '/')}${url.search}${url.hash}`;
}
