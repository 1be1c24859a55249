import type { IncomingHttpHeaders } from 'node:http';
import { chooseCoding, compress, type Coding } from './content-coding.js';
import type { CachedPage, PageCache } from './page-cache.js';
import { entityTag, notModified } from './validators.js';

/** Paths that are never public pages: the newsroom, the API, files with caching of their own. */
const NOT_PAGES = /^\/(?:admin|api|assets|media)(?:\/|$)/;

/** Headers a kept page does not replay as they were: they are made per answer. */
const PER_ANSWER = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'set-cookie', 'etag', 'last-modified', 'cache-control', 'vary', 'x-nashr-cache', 'date', 'connection', 'keep-alive']);

/** A complete answer from the cache: status, every header, the body (none for 304). */
export interface CachedAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** The page is kept, but not yet in the coding asked for: compress it first. */
export interface PendingCoding {
  page: CachedPage;
  coding: Coding;
}

/**
 * Turns kept pages into answers. Each page's headers are assembled once per coding, so a hit is
 * a map lookup and a write — fast enough to answer in front of the framework (see frontDoor).
 */
export class CachedAnswers {
  private readonly compressing = new WeakMap<CachedPage, Partial<Record<Coding, Promise<Buffer>>>>();
  private readonly headerSets = new WeakMap<CachedPage, Partial<Record<Coding | 'identity', Record<string, string>>>>();

  constructor(readonly cache: PageCache, readonly publicControl: string) {}

  /** Whether a request may be answered from, and kept in, the cache: a GET of a public page without a query. */
  static isPageRequest(method: string | undefined, url: string | undefined): url is string {
    return method === 'GET' && !!url && !url.includes('?') && !NOT_PAGES.test(url);
  }

  /** The answer for a request, if its page is kept; PendingCoding if it is kept uncompressed only. */
  find(url: string, headers: IncomingHttpHeaders): CachedAnswer | PendingCoding | null {
    const page = this.cache.get(url);
    if (!page) return null;
    const coding = chooseCoding(headers['accept-encoding']);
    if (coding && !page.encoded[coding] && !isNotModified(page, headers)) return { page, coding };
    return this.answer(page, coding, headers, true);
  }

  /** Compresses a kept page in the coding asked for, keeps that, and answers. */
  async complete(url: string, pending: PendingCoding, headers: IncomingHttpHeaders): Promise<CachedAnswer> {
    const { page, coding } = pending;
    let jobs = this.compressing.get(page);
    if (!jobs) this.compressing.set(page, (jobs = {}));
    const body = await (jobs[coding] ??= compress(page.body, coding));
    this.cache.addEncoding(url, page, coding, body);
    if (!page.encoded[coding]) page.encoded[coding] = body; // evicted meanwhile: still answer with it
    return this.answer(page, coding, headers, true);
  }

  /** Keeps a freshly rendered page; undefined when it is too big for the cache. */
  keep(url: string, body: Buffer, hash: string, replyHeaders: Record<string, unknown>, tags: string[]): CachedPage | undefined {
    const replayed: Record<string, string> = {};
    for (const [name, value] of Object.entries(replyHeaders)) if (value !== undefined && !PER_ANSWER.has(name)) replayed[name] = String(value);
    return this.cache.set(url, { body, encoded: {}, headers: replayed, hash, lastModified: new Date(), tags });
  }

  /** The answer for a kept page in a coding (its compressed body must be there). */
  answer(page: CachedPage, coding: Coding | null, requestHeaders: IncomingHttpHeaders, hit: boolean): CachedAnswer {
    const miss: Record<string, string> = hit ? {} : { 'x-nashr-cache': 'miss' };
    if (isNotModified(page, requestHeaders)) {
      const { 'content-length': _length, 'content-encoding': _coding, 'content-type': _type, ...rest } = this.headersOf(page, null);
      return { status: 304, headers: { ...rest, etag: entityTag(page.hash, coding), ...miss }, body: null };
    }
    const headers = this.headersOf(page, coding);
    return { status: 200, headers: hit ? headers : { ...headers, ...miss }, body: coding ? page.encoded[coding]! : page.body };
  }

  private headersOf(page: CachedPage, coding: Coding | null): Record<string, string> {
    let sets = this.headerSets.get(page);
    if (!sets) this.headerSets.set(page, (sets = {}));
    const key = coding ?? 'identity';
    let headers = sets[key];
    if (!headers) {
      const body = coding ? page.encoded[coding]! : page.body;
      headers = {
        ...page.headers,
        etag: entityTag(page.hash, coding),
        'last-modified': page.lastModified.toUTCString(),
        'cache-control': this.publicControl,
        vary: 'accept-encoding',
        'x-nashr-cache': 'hit',
        'content-length': String(body.length),
        ...(coding ? { 'content-encoding': coding } : {}),
      };
      sets[key] = headers;
    }
    return headers;
  }
}

function isNotModified(page: CachedPage, headers: IncomingHttpHeaders): boolean {
  const inm = headers['if-none-match'];
  const ims = headers['if-modified-since'];
  if (inm === undefined && ims === undefined) return false;
  return notModified(typeof inm === 'string' ? inm : undefined, typeof ims === 'string' ? ims : undefined, page.hash, page.lastModified);
}
