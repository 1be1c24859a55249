import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../storage/database.js';
import { CommentError } from './comments.errors.js';

/** A form filled faster than this is a script's. */
export const MIN_FILL_MS = 3000;
/** A form older than this has expired (the page must be reloaded). */
export const MAX_FORM_AGE_MS = 24 * 3600_000;

const SECRET_KEY = 'commentFormSecret';
const secrets = new WeakMap<Db, Promise<Buffer>>();

/** The site's secret for signing comment forms: made and stored in the settings table on first use, then remembered. */
export function formSecret(db: Db): Promise<Buffer> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = (async () => {
      const fresh = JSON.stringify(randomBytes(32).toString('base64url'));
      // Two processes starting at once agree: the first insert wins, both read it back.
      await db.insertInto('settings').values({ edition: '', key: SECRET_KEY, value: fresh }).onConflict((oc) => oc.columns(['edition', 'key']).doNothing()).execute();
      const row = await db.selectFrom('settings').select('value').where('edition', '=', '').where('key', '=', SECRET_KEY).executeTakeFirstOrThrow();
      return Buffer.from(JSON.parse(row.value) as string, 'base64url');
    })();
    secret.catch(() => secrets.delete(db));
    secrets.set(db, secret);
  }
  return secret;
}

function sign(secret: Buffer, edition: string, itemId: number, issued: number): string {
  return createHmac('sha256', secret).update(`comment-form\n${edition}\n${itemId}\n${issued}`).digest('base64url');
}

/**
 * A token for the comment form of one item: when the form was served, signed. It proves the
 * form came from this site's page (this session-less form's CSRF protection) and lets the
 * server refuse forms sent back too fast or too late.
 */
export async function issueFormToken(db: Db, edition: string, itemId: number, now: Date): Promise<string> {
  const issued = now.getTime();
  return `${issued}.${sign(await formSecret(db), edition, itemId, issued)}`;
}

/** Checks a form token; throws `comments.bad_token` (forged, for another item, expired) or `comments.too_fast`. */
export async function checkFormToken(db: Db, token: string, edition: string, itemId: number, now: Date): Promise<void> {
  const m = /^([1-9][0-9]{0,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) throw new CommentError('comments.bad_token', 'the form token is missing or malformed');
  const issued = Number(m[1]);
  const expected = Buffer.from(sign(await formSecret(db), edition, itemId, issued));
  const sent = Buffer.from(m[2]!);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) throw new CommentError('comments.bad_token', 'the form token is not this site’s');
  const age = now.getTime() - issued;
  if (age > MAX_FORM_AGE_MS || age < -60_000) throw new CommentError('comments.bad_token', 'the form has expired');
  if (age < MIN_FILL_MS) throw new CommentError('comments.too_fast', 'the form was sent back too fast');
}
