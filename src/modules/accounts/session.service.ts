import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../storage/database.js';
import { AccountError } from './accounts.errors.js';
import { decoyHash, verifyPassword } from './password.js';
import type { SignInLimiter } from './sign-in-limiter.js';
import { verifyTotp } from './totp.js';
import { findSignInRow, userViewOf, type UserView } from './user.service.js';

/** A session ends after a day without use, and after a week in any case. */
export const SESSION_IDLE_MS = 24 * 3600_000;
export const SESSION_MAX_MS = 7 * 24 * 3600_000;
/** Activity is written at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export interface SessionState {
  /** the hashed id, for writes */
  id: string;
  csrfToken: string;
  secondFactorPending: boolean;
  user: UserView;
}

export interface Visit {
  address: string;
  userAgent: string | null;
  now: Date;
}

/** Checks email and password (and the limiter); returns the cookie token of a new session. */
export async function signIn(db: Db, limiter: SignInLimiter, email: string, password: string, visit: Visit): Promise<{ token: string; secondFactorPending: boolean }> {
  const account = email.trim().toLowerCase();
  const wait = limiter.retryAfter(account, visit.address);
  if (wait > 0) throw new AccountError('accounts.rate_limited', `too many failed sign-ins: try again in ${Math.ceil(wait / 60)} minutes`);
  const row = account ? await findSignInRow(db, account) : undefined;
  const user = row ? userViewOf(row) : undefined;
  // Verify against a decoy when there is no such account, so timing tells nothing.
  const ok = await verifyPassword(row?.password_hash ?? (await decoyHash()), password);
  if (!ok || !user?.canSignIn) {
    limiter.recordFailure(account, visit.address);
    throw new AccountError('accounts.invalid_credentials', 'wrong email or password');
  }
  limiter.recordSuccess(account);
  const token = newToken();
  const now = visit.now.toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: digest(token),
      user_id: user.id,
      csrf_token: newToken(),
      second_factor_pending: user.twoFactor ? 1 : 0,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(visit.now.getTime() + SESSION_MAX_MS).toISOString(),
      ip: visit.address,
      user_agent: visit.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, secondFactorPending: user.twoFactor };
}

/** The session behind a cookie token, if it is still valid; expired sessions are removed. */
export async function loadSession(db: Db, token: string, now: Date): Promise<SessionState | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const id = digest(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.csrf_token', 'sessions.second_factor_pending', 'sessions.last_seen_at', 'sessions.expires_at'])
    .select(['users.id', 'users.email', 'users.display_name', 'users.slug', 'users.role', 'users.editions', 'users.totp_secret', 'users.disabled_at', 'users.password_hash'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const t = now.getTime();
  const user = userViewOf(row);
  if (t >= Date.parse(row.expires_at) || t - Date.parse(row.last_seen_at) >= SESSION_IDLE_MS || !user.canSignIn) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  if (t - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  return { id, csrfToken: row.csrf_token, secondFactorPending: row.second_factor_pending === 1, user };
}

/** Completes a sign-in that waits for its TOTP code. */
export async function confirmSecondFactor(db: Db, limiter: SignInLimiter, session: SessionState, code: string, visit: Visit): Promise<void> {
  const account = session.user.email ?? String(session.user.id);
  const wait = limiter.retryAfter(account, visit.address);
  if (wait > 0) throw new AccountError('accounts.rate_limited', `too many failed codes: try again in ${Math.ceil(wait / 60)} minutes`);
  const row = await db.selectFrom('users').select('totp_secret').where('id', '=', session.user.id).executeTakeFirst();
  if (!row?.totp_secret || !verifyTotp(row.totp_secret, code, visit.now)) {
    limiter.recordFailure(account, visit.address);
    throw new AccountError('accounts.invalid_code', 'that code is not right; codes change every 30 seconds');
  }
  limiter.recordSuccess(account);
  await db.updateTable('sessions').set({ second_factor_pending: 0 }).where('id', '=', session.id).execute();
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', digest(token)).execute();
}

/** Signs a user out everywhere (password change, account disabled). */
export async function endAllSessions(db: Db, userId: number, exceptToken?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptToken) q = q.where('id', '!=', digest(exceptToken));
  await q.execute();
}
