import { randomBytes } from 'node:crypto';
import type { Db } from '../../storage/database.js';
import { activeAdministrators, createUser } from './user.service.js';

export const FIRST_ADMIN_EMAIL = 'admin@example.org';

/**
 * On a site where nobody can administer, makes an administrator with a random password and
 * returns the sign-in to show once (it is stored only as a hash).
 */
export async function ensureAdministrator(db: Db): Promise<{ email: string; password: string } | undefined> {
  if ((await activeAdministrators(db)) > 0) return undefined;
  const password = randomBytes(12).toString('base64url');
  const taken = await db.selectFrom('users').select('id').where('email', '=', FIRST_ADMIN_EMAIL).executeTakeFirst();
  const email = taken ? `admin-${randomBytes(3).toString('hex')}@example.org` : FIRST_ADMIN_EMAIL;
  await createUser(db, { email, displayName: 'Administrator', role: 'administrator', editions: null, password });
  return { email, password };
}
