import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { locationOf, RedirectHitCounter, resolveRedirect, type Redirect } from '../../modules/redirects/index.js';
import type { Db } from '../../storage/database.js';

/** One counter per database handle (that is, per app): the public scopes share it without a new field in every context. */
const counters = new WeakMap<Db, RedirectHitCounter>();

/** The hit counter of this database, made on first use; `log` reports writes that fail. */
export function hitCounter(db: Db, log: FastifyBaseLogger): RedirectHitCounter {
  let c = counters.get(db);
  if (!c) {
    c = new RedirectHitCounter(db, (err) => log.warn({ err }, 'redirect hits not counted'));
    counters.set(db, c);
  }
  return c;
}

/** Counts the use of a redirect; written within a second, never while the reader waits. */
export function countUse(db: Db, req: FastifyRequest, r: Redirect): void {
  hitCounter(db, req.log).count(r.id);
}

/**
 * The redirect for an old address nashr has no page for (an imported WordPress permalink, or one
 * an editor added), or undefined. Only for GET and HEAD: a form posted to an old address is not moved.
 */
export async function oldAddress(db: Db, req: FastifyRequest): Promise<Redirect | undefined> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  const r = await resolveRedirect(db, req.url);
  if (r) countUse(db, req, r);
  return r;
}

/** Sends the reader on (301/302); a 410 is left to the caller, which renders the page in the edition's language. */
export function sendOn(reply: FastifyReply, r: Redirect): FastifyReply {
  return reply.redirect(locationOf(r.to), r.status as 301 | 302);
}
