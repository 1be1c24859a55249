import { z } from 'zod';
import type { Db } from '../../storage/database.js';
import { slugify } from '../../lib/slug.js';
import { AccountError } from './accounts.errors.js';
import { hashPassword, PASSWORD_MIN_LENGTH } from './password.js';
import { isRole, ROLES, type Actor, type Role } from './roles.js';

/** Creates a person who appears as an author; without a password they cannot sign in. */
export async function createAuthor(db: Db, a: { displayName: string; slug: string; bio?: string; email?: string | null }): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ display_name: a.displayName, slug: a.slug, bio: a.bio ?? '', email: a.email ?? null, role: 'none', password_hash: null, created_at: new Date().toISOString(), editions: null, totp_secret: null, disabled_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A newsroom user as screens show them. */
export interface UserView {
  id: number;
  email: string | null;
  displayName: string;
  slug: string;
  role: Role | 'none';
  editions: string[] | null;
  twoFactor: boolean;
  disabled: boolean;
  canSignIn: boolean;
}

const userFields = z.object({
  email: z.string().trim().toLowerCase().email('a valid email address').max(200),
  displayName: z.string().trim().min(1, 'a name').max(200),
  role: z.enum(ROLES),
  /** null: every edition */
  editions: z.array(z.string().min(2).max(10)).nullable(),
});
export type UserFields = z.input<typeof userFields>;

export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`).max(1000);

function invalid(error: z.ZodError): AccountError {
  return new AccountError('accounts.invalid_input', error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; '));
}

async function uniqueSlug(db: Db, base: string): Promise<string> {
  const root = slugify(base) || 'user';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? root : `${root}-${n}`;
    const taken = await db.selectFrom('users').select('id').where('slug', '=', slug).executeTakeFirst();
    if (!taken) return slug;
  }
}

async function assertEmailFree(db: Db, email: string, exceptId?: number): Promise<void> {
  let q = db.selectFrom('users').select('id').where('email', '=', email);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw new AccountError('accounts.email_taken', 'another user has this email address');
}

/** Creates a user who can sign in. */
export async function createUser(db: Db, input: UserFields & { password: string }): Promise<number> {
  const fields = userFields.safeParse(input);
  if (!fields.success) throw invalid(fields.error);
  const pw = passwordSchema.safeParse(input.password);
  if (!pw.success) throw invalid(pw.error);
  const u = fields.data;
  await assertEmailFree(db, u.email);
  const row = await db
    .insertInto('users')
    .values({
      email: u.email,
      display_name: u.displayName,
      slug: await uniqueSlug(db, u.displayName),
      role: u.role,
      password_hash: await hashPassword(pw.data),
      created_at: new Date().toISOString(),
      editions: u.editions ? JSON.stringify(u.editions) : null,
      totp_secret: null,
      disabled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a user's details, role and editions; the last active administrator cannot be demoted or disabled. */
export async function updateUser(db: Db, id: number, input: UserFields & { disabled: boolean }): Promise<void> {
  const fields = userFields.safeParse(input);
  if (!fields.success) throw invalid(fields.error);
  const u = fields.data;
  const current = await findUser(db, id);
  if (!current) throw new AccountError('accounts.not_found', 'no such user');
  await assertEmailFree(db, u.email, id);
  if (current.role === 'administrator' && !current.disabled && (u.role !== 'administrator' || input.disabled) && (await activeAdministrators(db)) <= 1) {
    throw new AccountError('accounts.last_administrator', 'the site needs at least one active administrator');
  }
  await db
    .updateTable('users')
    .set({
      email: u.email,
      display_name: u.displayName,
      role: u.role,
      editions: u.editions ? JSON.stringify(u.editions) : null,
      disabled_at: input.disabled ? (current.disabled ? undefined : new Date().toISOString()) : null,
    })
    .where('id', '=', id)
    .execute();
  if (input.disabled) await db.deleteFrom('sessions').where('user_id', '=', id).execute();
}

export async function setPassword(db: Db, id: number, password: string): Promise<void> {
  const pw = passwordSchema.safeParse(password);
  if (!pw.success) throw invalid(pw.error);
  await db.updateTable('users').set({ password_hash: await hashPassword(pw.data) }).where('id', '=', id).execute();
}

export async function setTotpSecret(db: Db, id: number, secret: string | null): Promise<void> {
  await db.updateTable('users').set({ totp_secret: secret }).where('id', '=', id).execute();
}

export async function activeAdministrators(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'administrator')
    .where('disabled_at', 'is', null)
    .where('password_hash', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

type UserRow = { id: number; email: string | null; display_name: string; slug: string; role: string; editions: string | null; totp_secret: string | null; disabled_at: string | null; password_hash: string | null };

function toView(r: UserRow): UserView {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    slug: r.slug,
    role: isRole(r.role) ? r.role : 'none',
    editions: r.editions ? (JSON.parse(r.editions) as string[]) : null,
    twoFactor: r.totp_secret !== null,
    disabled: r.disabled_at !== null,
    canSignIn: isRole(r.role) && r.password_hash !== null && r.disabled_at === null,
  };
}

const userColumns = ['id', 'email', 'display_name', 'slug', 'role', 'editions', 'totp_secret', 'disabled_at', 'password_hash'] as const;

export async function findUser(db: Db, id: number): Promise<UserView | undefined> {
  const row = await db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
  return row ? toView(row) : undefined;
}

/** Everyone: newsroom users first, then authors without sign-in. */
export async function listUsers(db: Db): Promise<UserView[]> {
  const rows = await db.selectFrom('users').select(userColumns).orderBy('display_name').execute();
  return rows.map(toView).sort((a, b) => Number(b.role !== 'none') - Number(a.role !== 'none'));
}

/** The sign-in row for an email, with what checking it needs. */
export async function findSignInRow(db: Db, email: string) {
  return db.selectFrom('users').select(userColumns).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export function actorOf(user: UserView): Actor | undefined {
  return user.role === 'none' || user.disabled ? undefined : { id: user.id, role: user.role, editions: user.editions };
}

export { toView as userViewOf };
