import type { FastifyReply, FastifyRequest } from 'fastify';
import { locationOf, recordRedirectHit, resolveRedirect, type Redirect } from '../../modules/redirects/index.js';
import type { Db } from '../../storage/database.js';

/** Counts the use of a redirect without making the reader wait for the write. */
export function countUse(db: Db, req: FastifyRequest, r: Redirect): void {
  recordRedirectHit(db, r.id, new Date().toISOString()).catch((err: unknown) => req.log.warn({ err }, 'redirect hit not counted'));
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
