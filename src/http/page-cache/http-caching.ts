import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { chooseCoding, compress, type Coding } from './content-coding.js';
import type { ChangeFollower } from './change-follower.js';
import type { CachedPage, PageCache } from './page-cache.js';
import { pageTag, withPageTags, type PageTags } from './page-tags.js';
import { entityTag, notModified } from './validators.js';

export interface HttpCachingOptions {
  /** the rendered-page cache, or null when it is switched off */
  cache: PageCache | null;
  /** follows the database's change log; every write this process answers waits for it */
  follower: ChangeFollower;
  /** the edition a path belongs to */
  editionOf(path: string): string;
  /** shared caches (CDN, nginx) may keep a public page this long, and serve it stale while they refresh */
  sMaxAge: number;
  staleWhileRevalidate: number;
}

/** Paths that are never public pages: the newsroom, the API, files with caching of their own. */
const NOT_PAGES = /^\/(?:admin|api|assets|media)(?:\/|$)/;
const PAGE_TYPES = /^(?:text\/html|application\/(?:rss\+xml|atom\+xml|feed\+json|xml|json)|text\/(?:xml|plain))\b/;
const REPLAYED = ['content-type', 'content-security-policy', 'link', 'x-robots-tag'];

interface PageRequest {
  key: string;
  tags: PageTags;
  generation: number;
}

const pageRequests = new WeakMap<FastifyRequest, PageRequest>();

function hashOf(body: Buffer): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 27);
}

/**
 * HTTP caching for the public site: strong ETags and Last-Modified with 304 answers,
 * Cache-Control for shared caches, Brotli/gzip, and the in-process cache of rendered pages —
 * filled as pages are rendered, emptied exactly by the change follower. The newsroom and
 * anything that sets a cookie are `private, no-store`.
 */
export function registerHttpCaching(app: FastifyInstance, opts: HttpCachingOptions): void {
  const { cache, follower } = opts;
  const publicControl = `public, max-age=0, s-maxage=${opts.sMaxAge}, stale-while-revalidate=${opts.staleWhileRevalidate}`;
  const compressing = new WeakMap<CachedPage, Partial<Record<Coding, Promise<Buffer>>>>();

  async function bodyIn(key: string, page: CachedPage, coding: Coding | null): Promise<Buffer> {
    if (!coding || !cache) return page.body;
    const ready = page.encoded[coding];
    if (ready) return ready;
    let pending = compressing.get(page);
    if (!pending) compressing.set(page, (pending = {}));
    const body = await (pending[coding] ??= compress(page.body, coding));
    cache.addEncoding(key, page, coding, body);
    return body;
  }

  async function answer(req: FastifyRequest, reply: FastifyReply, key: string, page: CachedPage, hit: boolean): Promise<Buffer | null> {
    const coding = chooseCoding(req.headers['accept-encoding']);
    reply.headers(page.headers);
    reply.header('etag', entityTag(page.hash, coding));
    reply.header('last-modified', page.lastModified.toUTCString());
    reply.header('cache-control', publicControl);
    reply.header('vary', 'accept-encoding');
    reply.header('x-nashr-cache', hit ? 'hit' : 'miss');
    if (notModified(header(req, 'if-none-match'), header(req, 'if-modified-since'), page.hash, page.lastModified)) {
      reply.code(304);
      return null;
    }
    const body = await bodyIn(key, page, coding);
    if (coding) reply.header('content-encoding', coding);
    return body;
  }

  app.addHook('onRequest', (req, reply, done) => {
    if (req.method !== 'GET' || req.url.includes('?') || NOT_PAGES.test(req.url)) return done();
    const key = req.url;
    const page = cache?.get(key);
    if (!page) {
      const tags: PageTags = { tags: new Set() };
      pageRequests.set(req, { key, tags, generation: cache?.generation ?? 0 });
      return withPageTags(tags, done);
    }
    answer(req, reply, key, page, true).then(
      (body) => reply.send(body ?? undefined),
      (err: unknown) => done(err as Error),
    );
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      // What this request changed shows on the very next page anyone asks this process for.
      await follower.sync().catch((err: unknown) => {
        req.log.error({ err }, 'could not read the change log; the page cache starts over');
        cache?.clear();
      });
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    }
    if (reply.hasHeader('set-cookie')) {
      reply.header('cache-control', 'private, no-store');
      return payload;
    }
    if (NOT_PAGES.test(req.url) || reply.getHeader('x-nashr-cache') === 'hit') return payload;
    const status = reply.statusCode;
    if (status >= 500) {
      reply.header('cache-control', 'no-store');
      return payload;
    }
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', status === 200 || status === 404 || status === 410 ? publicControl : 'no-cache');
    const type = String(reply.getHeader('content-type') ?? '');
    if (status !== 200 || !PAGE_TYPES.test(type) || !(typeof payload === 'string' || Buffer.isBuffer(payload))) return payload;
    if (!String(reply.getHeader('cache-control')).startsWith('public')) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const hash = hashOf(body);
    const pending = pageRequests.get(req);
    if (cache && pending && cache.generation === pending.generation) {
      const page = cache.set(pending.key, { body, encoded: {}, headers: replayed(reply), hash, lastModified: new Date(), tags: tagsOf(pending, opts.editionOf(pending.key)) });
      if (page) return answer(req, reply, pending.key, page, false);
    }
    // Not kept (uncacheable or too big): still a validator and compression by the global plugin.
    reply.header('etag', entityTag(hash, chooseCoding(req.headers['accept-encoding'])));
    reply.header('vary', 'accept-encoding');
    if (notModified(header(req, 'if-none-match'), undefined, hash, new Date())) {
      reply.code(304);
      return null;
    }
    return payload;
  });
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

function replayed(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED) {
    const v = reply.getHeader(name);
    if (v !== undefined) headers[name] = String(v);
  }
  return headers;
}

/**
 * The tags a page is filed under: its edition always; what its rendering noted (the items it
 * shows, the lists it is); a page that noted nothing goes whenever any content of its edition does.
 */
function tagsOf(pending: PageRequest, edition: string): string[] {
  const tags = pending.tags.tags;
  tags.add(pageTag.edition(edition));
  if (tags.size === 1) {
    tags.add(pageTag.lists(edition));
    tags.add(pageTag.content(edition));
  }
  return [...tags];
}
