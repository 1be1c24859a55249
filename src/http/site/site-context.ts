import type { FastifyReply } from 'fastify';
import type { Html } from '#jsx/jsx-runtime';
import type { Db } from '../../storage/database.js';
import type { EditionSite } from './edition-site.js';
import type { Assets, SiteEditions } from './chrome.js';
import type { SiteDataCache } from './site-data.js';
import type { CommentDeps } from './comment-deps.js';

/** What the public routes of one edition are built with. */
export interface SiteContext {
  db: Db;
  site: EditionSite;
  editions: SiteEditions;
  assets: Assets;
  data: SiteDataCache;
  /** the app's clock, rate limits and mail words for readers' comments */
  comments: CommentDeps;
}

/** Sends a rendered page (as bytes: encoded once, rather than measured and then encoded). */
export function sendHtml(reply: FastifyReply, html: Html, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(Buffer.from(html.value));
}

/** A page number from `/page/N/`: a whole number from 2 up; anything else (`0`, `abc`, `1e3`) is not a page. */
export function parsePageNumber(raw: string | undefined): number | null {
  if (raw === undefined) return 1;
  if (!/^[1-9][0-9]{0,5}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 2 ? n : null;
}
