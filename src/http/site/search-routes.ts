import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { raw } from '#jsx/jsx-runtime';
import { SEARCHABLE_TYPES, SearchRateLimiter, searchEdition } from '../../modules/search/index.js';
import { MessagePage } from '../../themes/default/pages/message-page.js';
import { SearchPage, type SearchVM } from '../../themes/default/pages/search.js';
import { buildChrome, type SiteEditions } from './chrome.js';
import { cardVM } from './cards.js';
import { messagePage, notFound } from './not-found.js';
import { parsePageNumber, sendHtml, type SiteContext } from './site-context.js';

/**
 * A query longer than this is refused (400) rather than cut: no reader types 200 characters into
 * a search box, and cutting would silently search for something else than what was sent.
 */
const MAX_QUERY_CHARS = 200;

const searchQuery = z.object({
  q: z.string().max(MAX_QUERY_CHARS).optional(),
  type: z.union([z.literal(''), z.enum(SEARCHABLE_TYPES)]).optional(),
  year: z.union([z.literal(''), z.string().regex(/^[12][0-9]{3}$/)]).optional(),
});

/** One limiter for the whole site (every edition's scope shares it), made when the routes are. */
const limiters = new WeakMap<SiteEditions, SearchRateLimiter>();

async function tooMany(ctx: SiteContext, reply: FastifyReply, wait: number) {
  const { site } = ctx;
  const title = site.t('searchTooManyTitle');
  const chrome = buildChrome(site, ctx.editions, ctx.assets, await ctx.data.get(site.edition.code), { title, path: '', noindex: true, canonical: false });
  reply.header('retry-after', String(wait));
  return sendHtml(reply, MessagePage({ chrome, message: { title, text: site.t('searchTooManyText'), homeUrl: site.home() } }), 429);
}

/** `/search?q=…&type=…&year=…` and `/search/page/N/?…` of one edition: ranked full-text results with snippets. */
export function registerSearchRoutes(app: FastifyInstance, ctx: SiteContext): void {
  const { site, db } = ctx;
  let limiter = limiters.get(ctx.editions);
  if (!limiter) limiters.set(ctx.editions, (limiter = new SearchRateLimiter()));
  const searchLimiter = limiter;

  const handler = async (req: FastifyRequest<{ Params: { n?: string }; Querystring: unknown }>, reply: FastifyReply) => {
    if (req.params.n === '1') return reply.redirect(site.page('/search/', 1) + (req.raw.url?.match(/\?.*$/)?.[0] ?? ''), 301);
    const page = parsePageNumber(req.params.n);
    if (page === null) return notFound(ctx, req, reply);
    const parsed = searchQuery.safeParse(req.query);
    if (!parsed.success) return messagePage(ctx, reply, 'badRequest');
    const q = (parsed.data.q ?? '').trim();
    const type = parsed.data.type || undefined;
    const year = parsed.data.year ? Number(parsed.data.year) : undefined;
    const data = await ctx.data.get(site.edition.code);
    const { t, format } = site;

    let result: Awaited<ReturnType<typeof searchEdition>> = { items: [], page: 1, hasOlder: false };
    if (q) {
      const wait = searchLimiter.take(req.ip);
      if (wait) return tooMany(ctx, reply, wait);
      result = await searchEdition(db, { edition: site.edition.code, text: q, type, year, page, perPage: data.settings.perPage, now: new Date() });
      if (!result) return notFound(ctx, req, reply);
    } else if (page > 1) return notFound(ctx, req, reply);

    const params = (n: number) => {
      const s = new URLSearchParams({ q });
      if (type) s.set('type', type);
      if (year) s.set('year', String(year));
      return `${site.page('/search/', n)}?${s}`;
    };
    const thisYear = new Date().getUTCFullYear();
    const years = Array.from({ length: Math.max(1, thisYear - data.settings.since + 1) }, (_, i) => thisYear - i);
    const search: SearchVM = {
      heading: q ? t('searchResultsFor', { query: q }) : t('search'),
      query: q,
      types: [{ value: '', label: t('searchAnyType'), selected: !type }, ...SEARCHABLE_TYPES.map((v) => ({ value: v, label: t(`searchType_${v}`), selected: v === type }))],
      years: [{ value: '', label: t('searchAnyYear'), selected: !year }, ...years.map((y) => ({ value: String(y), label: format.number(y), selected: y === year }))],
      cards: result.items.map((hit) => ({ ...cardVM(site, data.categories, hit, 'brief'), summary: raw(`<p>${hit.snippetHtml}</p>`) })),
      pagination: {
        newer: page > 1 ? params(page - 1) : null,
        older: result.hasOlder ? params(page + 1) : null,
        label: t('pageNumber', { page: format.number(page) }),
      },
      emptyTitle: q ? t('searchNoResults') : t('searchEmptyQuery'),
    };
    const chrome = buildChrome(site, ctx.editions, ctx.assets, data, {
      title: [search.heading, page > 1 ? t('pageNumber', { page: format.number(page) }) : null].filter(Boolean).join(' – '),
      path: site.url('/search/'),
      alternates: new Map([[site.edition.code, site.url('/search/')]]),
      searchQuery: q,
      noindex: true,
      canonical: false,
    });
    return sendHtml(reply, SearchPage({ chrome, search }));
  };
  for (const path of ['/search', '/search/', '/search/page/:n/']) app.get(path, handler);
}
