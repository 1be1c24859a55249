import type { FastifyReply } from 'fastify';
import type { Html } from '#jsx/jsx-runtime';
import type { Config } from '../../config/config.js';
import type { Clock } from '../../lib/clock.js';
import type { Edition } from '../../modules/editions/index.js';
import type { SignInLimiter } from '../../modules/accounts/index.js';
import type { CommentMailer } from '../../modules/comments/index.js';
import type { Db } from '../../storage/database.js';

/** Addresses of the newsroom's own stylesheet and scripts (versioned). */
export interface AdminAssets {
  css: string;
  /** bundle name (`editor.js`) → versioned URL */
  scripts: Record<string, string>;
}

/** What the newsroom's routes are built with. */
export interface AdminContext {
  db: Db;
  config: Config;
  clock: Clock;
  limiter: SignInLimiter;
  editions: readonly Edition[];
  mediaDir: string;
  assets: AdminAssets;
  /** publishes what is due now; routes call it after a save so a past date publishes at once */
  publishDue(): Promise<number>;
  /** the words of the mails moderation sends (reply notices) */
  commentMailer: CommentMailer;
  /** renders an item the way its public page will show it (preview) */
  renderPreview(itemId: number, reply: FastifyReply): Promise<FastifyReply>;
}

/** Sends a newsroom page: never cached, never stored by a shared cache. */
export function sendAdminHtml(reply: FastifyReply, html: Html, status = 200): FastifyReply {
  return reply.code(status).header('cache-control', 'private, no-store').type('text/html; charset=utf-8').send(html.value);
}
