import type { Db } from '../../storage/database.js';
import { AccountError } from './accounts.errors.js';
import { verifyPassword } from './password.js';
import { newTotpSecret, verifyTotp } from './totp.js';
import { passwordSchema, setPassword, setTotpSecret } from './user.service.js';

/** Whether `password` is the user's current password. */
export async function checkPassword(db: Db, userId: number, password: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return !!row?.password_hash && (await verifyPassword(row.password_hash, password));
}

/** Changes one's own password: the current one must be right and the new one typed twice alike. */
export async function changeOwnPassword(db: Db, userId: number, input: { current: string; next: string; repeat: string }): Promise<void> {
  if (!(await checkPassword(db, userId, input.current))) throw new AccountError('accounts.invalid_credentials', 'the current password is not right');
  if (input.next !== input.repeat) throw new AccountError('accounts.invalid_input', 'the new password and its repetition differ');
  const pw = passwordSchema.safeParse(input.next);
  if (!pw.success) throw new AccountError('accounts.invalid_input', `new password: ${pw.error.issues[0]?.message ?? 'not accepted'}`);
  await setPassword(db, userId, pw.data);
}

/**
 * Where a TOTP secret waits between "start" and "confirm". It is kept on the server, in the
 * settings table under a scope no edition can have ('!' is not valid in an edition code), so
 * public pages never read it and the browser cannot swap in a secret of its own choosing; a
 * signed hidden field would need a server signing key, which the config does not have. It
 * lasts ten minutes and is removed once confirmed.
 */
const PENDING_SCOPE = '!totp-pending';
const PENDING_MS = 10 * 60_000;

/** Makes a new secret for the user and keeps it pending; returns it (for the QR code and the text). */
export async function startTotpEnrolment(db: Db, userId: number, now: Date): Promise<string> {
  const secret = newTotpSecret();
  const value = JSON.stringify({ secret, expiresAt: now.getTime() + PENDING_MS });
  await db
    .insertInto('settings')
    .values({ edition: PENDING_SCOPE, key: String(userId), value })
    .onConflict((oc) => oc.columns(['edition', 'key']).doUpdateSet({ value }))
    .execute();
  return secret;
}

/** The user's pending secret, if one was started less than ten minutes ago. */
export async function pendingTotpSecret(db: Db, userId: number, now: Date): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('edition', '=', PENDING_SCOPE).where('key', '=', String(userId)).executeTakeFirst();
  if (!row) return undefined;
  const pending = JSON.parse(row.value) as { secret: string; expiresAt: number };
  return pending.expiresAt > now.getTime() ? pending.secret : undefined;
}

/** Turns two-factor sign-in on once the code from the pending secret is right. */
export async function confirmTotpEnrolment(db: Db, userId: number, code: string, now: Date): Promise<void> {
  const secret = await pendingTotpSecret(db, userId, now);
  if (!secret) throw new AccountError('accounts.invalid_code', 'the setup has expired; start again');
  if (!verifyTotp(secret, code, now)) throw new AccountError('accounts.invalid_code', 'that code is not right; codes change every 30 seconds');
  await db.transaction().execute(async (trx) => {
    await setTotpSecret(trx, userId, secret);
    await trx.deleteFrom('settings').where('edition', '=', PENDING_SCOPE).where('key', '=', String(userId)).execute();
  });
}

/** Turns two-factor sign-in off; it takes the current password. */
export async function disableTotp(db: Db, userId: number, password: string): Promise<void> {
  if (!(await checkPassword(db, userId, password))) throw new AccountError('accounts.invalid_credentials', 'the password is not right');
  await setTotpSecret(db, userId, null);
}
