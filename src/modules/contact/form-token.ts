import { createHmac, timingSafeEqual } from 'node:crypto';

/** The shortest time a person takes to fill the form; a faster post is a robot's. */
export const MIN_FILL_MS = 3_000;
/** How long a rendered form may be sent: a tab left open for a day still works. */
export const MAX_FORM_AGE_MS = 24 * 3_600_000;

export type TokenCheck = 'ok' | 'forged' | 'too_fast' | 'expired';

const mac = (secret: Buffer, scope: string, at: number) => createHmac('sha256', secret).update(`${scope}\n${at}`).digest('base64url');

/**
 * A signed timestamp for a public form: `<ms>.<hmac>`, bound to a scope (the form and edition).
 * It proves the form was fetched from this site, and when — which gives the minimum fill time and
 * stands in for a CSRF token on public pages, which have no session to bind one to.
 */
export function issueFormToken(secret: Buffer, scope: string, now: Date): string {
  const at = now.getTime();
  return `${at}.${mac(secret, scope, at)}`;
}

/** Checks a token from a posted form against the secret, the scope and the time. */
export function checkFormToken(secret: Buffer, scope: string, token: string, now: Date): TokenCheck {
  const m = /^(\d{10,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return 'forged';
  const at = Number(m[1]);
  const expected = Buffer.from(mac(secret, scope, at));
  const given = Buffer.from(m[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forged';
  const age = now.getTime() - at;
  if (age < MIN_FILL_MS) return age < -60_000 ? 'forged' : 'too_fast';
  if (age > MAX_FORM_AGE_MS) return 'expired';
  return 'ok';
}
