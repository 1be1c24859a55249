import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CachedAnswers, type CachedAnswer } from './cached-answers.js';
import { chooseCoding } from './content-coding.js';
import type { ChangeFollower } from './change-follower.js';
import type { PageCache } from './page-cache.js';
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

const NOT_PAGES = /^\/(?:admin|api|assets|media)(?:\/|$)/;
const PAGE_TYPES = /^(?:text\/html|application\/(?:rss\+xml|atom\+xml|feed\+json|xml|json)|text\/(?:xml|plain))\b/;

interface PageRequest {
  tags: PageTags;
  generation: number;
}

const pageRequests = new WeakMap<FastifyRequest, PageRequest>();

function hashOf(body: Buffer): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 27);
}

function send(reply: FastifyReply, answer: CachedAnswer): FastifyReply {
  return reply.code(answer.status).headers(answer.headers).send(answer.body ?? undefined);
}

/**
 * HTTP caching for the public site: strong ETags and Last-Modified with 304 answers,
 * Cache-Control for shared caches, Brotli/gzip, and the in-process cache of rendered pages —
 * filled as pages are rendered, emptied exactly by the change follower. The newsroom and
 * anything that sets a cookie are `private, no-store`. Returns the cache's answers, for the
 * server's front door.
 */
export function registerHttpCaching(app: FastifyInstance, opts: HttpCachingOptions): CachedAnswers | null {
  const { cache, follower } = opts;
  const publicControl = `public, max-age=0, s-maxage=${opts.sMaxAge}, stale-while-revalidate=${opts.staleWhileRevalidate}`;
  const answers = cache ? new CachedAnswers(cache, publicControl) : null;

  app.addHook('onRequest', (req, reply, done) => {
    if (!CachedAnswers.isPageRequest(req.method, req.url)) return done();
    const found = answers?.find(req.url, req.headers);
    if (!found) {
      const tags: PageTags = { tags: new Set() };
      pageRequests.set(req, { tags, generation: cache?.generation ?? 0 });
      return withPageTags(tags, done);
    }
    if ('status' in found) return void send(reply, found);
    answers!.complete(req.url, found, req.headers).then((a) => void send(reply, a), (err: unknown) => done(err as Error));
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
    if (NOT_PAGES.test(req.url) || reply.hasHeader('x-nashr-cache')) return payload;
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
    // A page rendered while something changed may show the old state: answer with it, but do not keep it.
    if (answers && pending && cache!.generation === pending.generation) {
      const page = answers.keep(req.url, body, hash, reply.getHeaders(), tagsOf(pending, opts.editionOf(req.url)));
      if (page) {
        const coding = chooseCoding(req.headers['accept-encoding']);
        const answer = coding ? await answers.complete(req.url, { page, coding }, req.headers) : answers.answer(page, null, req.headers, false);
        reply.code(answer.status).headers({ ...answer.headers, 'x-nashr-cache': 'miss' });
        return answer.body;
      }
    }
    // Not kept (uncacheable or too big): still a validator; compression by the global plugin.
    reply.header('etag', entityTag(hash, chooseCoding(req.headers['accept-encoding'])));
    reply.header('vary', 'accept-encoding');
    if (notModified(typeof req.headers['if-none-match'] === 'string' ? req.headers['if-none-match'] : undefined, undefined, hash, new Date())) {
      reply.code(304);
      return null;
    }
    return payload;
  });
  return answers;
}

/**
 * Answers a kept page before the framework sees the request (the server's request listener):
 * a lookup and a write. Anything else — a miss, a coding not compressed yet — goes on to Fastify.
 */
export function frontDoor(answers: () => CachedAnswers | null, next: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const a = answers();
    let found: ReturnType<CachedAnswers['find']> = null;
    try {
      if (a && CachedAnswers.isPageRequest(req.method, req.url)) found = a.find(req.url, req.headers);
    } catch {
      found = null; // the framework answers instead, and reports what went wrong
    }
    if (found && 'status' in found) {
      res.writeHead(found.status, found.headers);
      res.end(found.body);
      return;
    }
    next(req, res);
  };
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
